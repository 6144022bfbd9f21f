/**
 * What a browser does with the address `serve` prints: redeems its one-time code for the session
 * cookie (service/page-codes.ts). Tests that drive the kiosk's API as its page would use this.
 */
export interface PageSession {
  readonly origin: string;
  /** Headers that authenticate a call as the page: its cookie. */
  readonly headers: Record<string, string>;
  call<T = unknown>(method: string, input: unknown): Promise<T>;
}

export async function redeemPageUrl(url: string): Promise<PageSession> {
  const answer = await fetch(url, { redirect: 'manual' });
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  if (answer.status !== 303 || !cookie) throw new Error(`${url}: no session cookie (HTTP ${answer.status})`);
  const { origin } = new URL(url);
  const headers = { cookie, origin };
  return {
    origin,
    headers,
    call: async <T>(method: string, input: unknown): Promise<T> => {
      const r = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const body = (await r.json()) as { result?: T; error?: { code: string } };
      if (body.error) throw new Error(`${method}: ${body.error.code}`);
      return body.result as T;
    },
  };
}
