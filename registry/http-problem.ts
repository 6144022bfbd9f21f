/** An HTTP error answer with a stable code: `{"error": {"code", "message"}}`. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}
