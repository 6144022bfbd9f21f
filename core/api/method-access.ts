/**
 * Who may call each TerminalApi method, checked in the one dispatch (rpc-dispatch.ts) that both
 * transports use, whatever the screen shows. One row per method, so a method without a rule does
 * not compile; docs/reference/api-access.md is rendered from this table.
 *
 * - `anyone`: holds no personal data and changes nothing kept (status, sign-in, the profile names).
 * - `operator`: once operator accounts exist, someone must be signed in (clerk or supervisor):
 *   reading cards, the sessions on screen and the history hold personal data.
 * - `supervisor-pin`: the request itself carries a supervisor's name and PIN, which the method
 *   checks (a supervisor may approve at a counter where a clerk is signed in, or none is).
 *
 * On a terminal without accounts (first run) nobody can sign in, so `operator` methods are open,
 * as the README describes; `supervisor-pin` methods wait for the first supervisor.
 */
import type { TerminalApi, TerminalApiMethod, TerminalEvent } from './terminal-api.ts';

export const ACCESS_RULES = ['anyone', 'operator', 'supervisor-pin'] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export const METHOD_ACCESS: Readonly<Record<TerminalApiMethod, AccessRule>> = {
  getStatus: 'anyone',
  login: 'anyone',
  signIn: 'anyone',
  signOut: 'anyone',
  setupSupervisor: 'anyone',
  // Read by the settings screen after its supervisor PIN; the status bar shows the same name and language.
  getSettings: 'anyone',
  listPurposes: 'anyone',
  // The trust anchors are public certificates.
  listTrust: 'anyone',
  startVerification: 'operator',
  cancelVerification: 'operator',
  closeSession: 'operator',
  revealFailedData: 'operator',
  recordFaceMatch: 'operator',
  getSessions: 'operator',
  listRecords: 'operator',
  getRecord: 'operator',
  listDemoCards: 'operator',
  insertDemoCard: 'operator',
  removeDemoCard: 'operator',
  exportRecords: 'supervisor-pin',
  listOperators: 'supervisor-pin',
  addOperator: 'supervisor-pin',
  changeOperator: 'supervisor-pin',
  updateSettings: 'supervisor-pin',
  importTrust: 'supervisor-pin',
  removeTrust: 'supervisor-pin',
  enrol: 'supervisor-pin',
  listIntegrationClients: 'supervisor-pin',
  addIntegrationClient: 'supervisor-pin',
  revokeIntegrationClient: 'supervisor-pin',
  getIntegrationApi: 'supervisor-pin',
  setIntegrationApi: 'supervisor-pin',
};

/** The live events under the same rules: a session event carries the holder's data and photo. */
export const EVENT_ACCESS: Readonly<Record<TerminalEvent['type'], AccessRule>> = {
  session: 'operator',
  status: 'anyone',
};

/** Who is at the counter (getStatus reports the same). */
export interface CounterState {
  readonly signInRequired: boolean;
  readonly operatorRole: 'clerk' | 'supervisor' | null;
}

/**
 * The terminal as the transports drive it: TerminalApi, and who is at the counter, answered from
 * memory because it is asked for every call and every event.
 */
export type GuardedApi = TerminalApi & { counterState(): CounterState };

/**
 * Whether the rule lets a call or event through before the method runs (`supervisor-pin` is the
 * method's own check); the counter's state is asked for only when the rule depends on it.
 */
export function admits(rule: AccessRule, counter: () => CounterState): boolean {
  if (rule !== 'operator') return true;
  const { signInRequired, operatorRole } = counter();
  return !signInRequired || operatorRole !== null;
}
