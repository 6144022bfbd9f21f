/**
 * Messages as core raises them and every front end receives them: `{ code, params }`, the code
 * from the closed unions of the catalogue, the parameters typed by the English entry when built.
 */
import type { MessageParams, ParamArgs } from './define.ts';
import type { ErrorCode, MessageCode, NoteCode, NoteEntry, ReasonCode, ReasonEntry, WarningCode, WarningEntry } from './catalogue.ts';

export interface Message<C extends MessageCode = MessageCode> {
  readonly code: C;
  readonly params: MessageParams;
}

export type ErrorMessage = Message<ErrorCode>;
/** A warning a verification result carries (VerificationResult.warnings). */
export type Warning = Message<WarningCode>;
/** Why a check has its status (VerificationResult.checks.*.reason). */
export type Reason = Message<ReasonCode>;
export type Note = Message<NoteCode>;

export function warning<C extends WarningCode>(code: C, ...[params]: ParamArgs<WarningEntry<C>>): Warning {
  return { code, params: { ...params } };
}

export function note<C extends NoteCode>(code: C, ...[params]: ParamArgs<NoteEntry<C>>): Note {
  return { code, params: { ...params } };
}

export function reason<C extends ReasonCode>(code: C, ...[params]: ParamArgs<ReasonEntry<C>>): Reason {
  return { code, params: { ...params } };
}
