/**
 * The CLI's clock is the real one. Tests move it with EID_TERMINAL_TEST_NOW, which is honoured
 * only while NODE_ENV is "test": no option a user passes can date a purge or a lock-out.
 */
export function cliClock(): (() => Date) | undefined {
  const at = process.env.NODE_ENV === 'test' ? process.env.EID_TERMINAL_TEST_NOW : undefined;
  if (at === undefined || Number.isNaN(Date.parse(at))) return undefined;
  const fixed = new Date(at);
  return () => new Date(fixed);
}
