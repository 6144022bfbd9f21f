/**
 * The local integration API's messages: WebSocket events and commands (integration/asyncapi.yaml)
 * and HTTP bodies (integration/openapi.yaml). These zod schemas are the one source: the server
 * validates what it receives with them, and integration/schemas.json (the JSON Schemas the two
 * API descriptions reference, and that the contract tests validate every message against) is
 * generated from them by scripts/generate-integration-schemas.ts.
 */
import { z } from 'zod';
import { ApiErrorSchema } from '../api/messages.ts';
import { AccessKeySchema, ReaderSchema } from '../api/terminal-api.ts';
import { IntegrationScopeSchema } from '../api/integration-clients.ts';
import { VerdictSchema } from '../api/verification.ts';
import { PERSONAL_FIELDS } from '../store/personal-fields.ts';

const isoTime = z.string().datetime({ offset: true });

export const ApiProblemSchema = z.object({
  error: ApiErrorSchema,
}).meta({ description: 'Every refusal: a stable code of the message catalogue (docs/reference/messages.md), its parameters and the English message' });

export const VerificationRequestSchema = z.object({
  /** Purpose profile (bank, hospital, government, minimal or a custom one); the counter's setting when absent. */
  purpose: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/).optional(),
  /** The ID number the application expects (the customer's file): the result says whether the chip's matches. */
  expectedIdNumber: z.string().regex(/^[A-Z0-9]{5,20}$/).optional(),
  /** With a key the read starts now; without one the request waits for the clerk's next read (5 minutes). */
  key: AccessKeySchema.optional(),
  reader: z.string().max(200).optional(),
}).meta({ description: 'A business application asks the counter to verify a document' });
export type VerificationRequestInput = z.infer<typeof VerificationRequestSchema>;

export const VerificationAcceptedSchema = z.object({
  requestId: z.string(),
  /** The verification's id once a read runs for it (at once when a key was given). */
  id: z.string().nullable(),
  state: z.enum(['waiting-for-card', 'reading']),
}).meta({ description: 'A verification request was accepted' });

export const IntegrationStatusSchema = z.object({
  terminalName: z.string(),
  /** The registry id of the enrolled terminal (the `kid` of its signed results); null when not enrolled. */
  terminalId: z.string().nullable(),
  readers: z.array(ReaderSchema),
  operatorSignedIn: z.boolean(),
  purpose: z.string(),
  signedResults: z.boolean(),
}).meta({ description: 'The counter as an integration client sees it' });

export const DeliveredFieldsSchema = z.partialRecord(z.enum(PERSONAL_FIELDS.filter((f) => f !== 'face')), z.string())
  .meta({ description: "The personal fields of the verification's purpose profile, nothing more" });
export type DeliveredFields = z.infer<typeof DeliveredFieldsSchema>;

export const VerificationStartedSchema = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  reader: z.string(),
  purpose: z.string(),
  startedAt: isoTime,
}).meta({ description: 'A verification began on a reader of this counter' });

export const VerificationCompletedSchema = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  reader: z.string(),
  purpose: z.string(),
  completedAt: isoTime,
  /** done: a verdict was reached; error: the read failed (error says why); cancelled: the clerk stopped it. */
  state: z.enum(['done', 'error', 'cancelled']),
  verdict: VerdictSchema.nullable(),
  /** Why the verdict is not VERIFIED: failed checks as CHECK:STATUS, then the codes of the result's warnings (docs/reference/messages.md). */
  reasons: z.array(z.string()),
  error: ApiErrorSchema.nullable(),
  recordId: z.string().nullable(),
  documentType: z.string().nullable(),
  issuingState: z.string().nullable(),
  fields: DeliveredFieldsSchema,
  /** The face as a data URL, only when the purpose profile keeps the face. */
  photo: z.string().nullable(),
  /** Whether the chip's ID number is the one the requester expected; null when none was given. */
  idNumberMatch: z.boolean().nullable(),
  /** Compact JWS of the result, signed with the terminal's enrolled key; null when not enrolled. */
  signedResult: z.string().nullable(),
  /** Hospital profile: a FHIR R4 Patient and the Provenance of this verification. */
  fhir: z.object({ patient: z.record(z.string(), z.unknown()), provenance: z.record(z.string(), z.unknown()) }).nullable(),
}).meta({ description: 'A verification ended' });
export type VerificationCompleted = z.infer<typeof VerificationCompletedSchema>;

export const ReaderChangedSchema = z.object({ readers: z.array(ReaderSchema) }).meta({ description: 'A reader was plugged or unplugged, or a card put on or taken off' });

export const HelloSchema = z.object({
  client: z.object({ id: z.string(), name: z.string(), scopes: z.array(IntegrationScopeSchema) }),
  /** The seq of the last event sent before this connection: the next event has a larger one. */
  seq: z.number().int(),
}).meta({ description: 'First message of every connection' });

const event = <T extends string, D extends z.ZodType>(type: T, data: D) => z.object({ type: z.literal(type), seq: z.number().int().positive(), time: isoTime, data });

export const VerificationStartedEventSchema = event('verification.started', VerificationStartedSchema);
export const VerificationCompletedEventSchema = event('verification.completed', VerificationCompletedSchema);
export const ReaderChangedEventSchema = event('reader.changed', ReaderChangedSchema);
export const IntegrationEventSchema = z.discriminatedUnion('type', [VerificationStartedEventSchema, VerificationCompletedEventSchema, ReaderChangedEventSchema]);
export type IntegrationEvent = z.infer<typeof IntegrationEventSchema>;

/** Client to server over the WebSocket; `correlationId` comes back on the answer. */
export const CommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('verification.request'), correlationId: z.string().max(100).optional(), data: VerificationRequestSchema }),
  z.object({ type: z.literal('status'), correlationId: z.string().max(100).optional() }),
]);
export type Command = z.infer<typeof CommandSchema>;

/** Server to client, besides events. */
export const HelloMessageSchema = z.object({ type: z.literal('hello'), data: HelloSchema });
export const ReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('verification.request.accepted'), correlationId: z.string().nullable(), data: VerificationAcceptedSchema }),
  z.object({ type: z.literal('status.result'), correlationId: z.string().nullable(), data: IntegrationStatusSchema }),
  z.object({ type: z.literal('error'), correlationId: z.string().nullable(), error: ApiProblemSchema.shape.error }),
]);
export type Reply = z.infer<typeof ReplySchema>;

export const TicketSchema = z.object({
  ticket: z.string(),
  /** Seconds the ticket stays valid; it opens one WebSocket, once. */
  expiresIn: z.number().int(),
}).meta({ description: 'A one-time ticket that opens the event WebSocket from a browser page' });

export const PendingResultSchema = z.object({ requestId: z.string().nullable(), id: z.string().nullable(), state: z.enum(['waiting-for-card', 'reading']) })
  .meta({ description: 'The verification has not ended yet' });

/** Every schema the API descriptions name, by the name they use (integration/schemas.json `$defs`). */
export const INTEGRATION_SCHEMAS = {
  Problem: ApiProblemSchema,
  VerificationRequest: VerificationRequestSchema,
  VerificationAccepted: VerificationAcceptedSchema,
  IntegrationStatus: IntegrationStatusSchema,
  Ticket: TicketSchema,
  PendingResult: PendingResultSchema,
  VerificationCompleted: VerificationCompletedSchema,
  VerificationStartedEvent: VerificationStartedEventSchema,
  VerificationCompletedEvent: VerificationCompletedEventSchema,
  ReaderChangedEvent: ReaderChangedEventSchema,
  HelloMessage: HelloMessageSchema,
  Command: CommandSchema,
  Reply: ReplySchema,
} as const;
