/**
 * Messages as the API carries them: `{ code, params }` with a code of the catalogue's closed
 * unions (core/messages), rendered by the receiver in its own language.
 */
import { z } from 'zod';
import { KINDS, english, type ErrorCode, type NoteCode, type ReasonCode, type WarningCode } from '../messages/catalogue.ts';

const codes = <C extends string>(kind: (typeof KINDS)[number]) => Object.keys(english[kind]) as [C, ...C[]];

export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const WarningSchema = z.object({ code: z.enum(codes<WarningCode>('warnings')), params: MessageParamsSchema });
export const ReasonSchema = z.object({ code: z.enum(codes<ReasonCode>('reasons')), params: MessageParamsSchema });
export const NoteSchema = z.object({ code: z.enum(codes<NoteCode>('notes')), params: MessageParamsSchema });

/** An error as every transport returns it: `message` is the English rendering, for logs and scripts. */
export const ApiErrorSchema = z.object({ code: z.enum(codes<ErrorCode>('errors')), params: MessageParamsSchema, message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;
