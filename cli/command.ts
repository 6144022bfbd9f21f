/** What every `eid-terminal` command module exports: cli/main.ts loads one by its name. */
export interface Command {
  readonly summary: string;
  run(args: string[]): Promise<number>;
}
