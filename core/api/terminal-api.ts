/**
 * TerminalApi: the one contract between the UI and the terminal core. Every transport (Electron
 * IPC, the HTTP/WebSocket service) carries exactly these calls and events, validated with these
 * schemas on both sides.
 */
import { z } from 'zod';
import { IntegrationApiStateSchema, IntegrationClientSchema, ListedIntegrationClientSchema, NewIntegrationClientSchema } from './integration-clients.ts';
import { ApiErrorSchema, NoteSchema, WarningSchema } from './messages.ts';
import { ChecksSchema, VerificationResultSchema, VerdictSchema } from './verification.ts';
import { DisplayFieldSchema } from './display-fields.ts';
import { IDLE_LIMITS, type IdleSetting } from './idle.ts';
import { FaceMatchReportSchema, FaceMatchRequestSchema, FaceMatchSettingSchema, FaceMatchSummarySchema } from './face-match.ts';

const idleTime = (key: IdleSetting) => z.number().int().min(IDLE_LIMITS[key].min).max(IDLE_LIMITS[key].max);

export const AccessKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mrz'), mrz: z.string().min(30).max(100) }),
  z.object({
    kind: z.literal('cccd'),
    idNumber: z.string().regex(/^\d{12}$/),
    /** Needed only when the chip offers no PACE (the ID number alone opens PACE-CAN): BIRTH_DATE_NEEDED asks for it. */
    dateOfBirth: z.string().regex(/^\d{6}$/).optional(),
    dateOfExpiry: z.string().regex(/^\d{6}$/).optional(),
  }),
  z.object({
    kind: z.literal('document'),
    documentNumber: z.string().min(1).max(20),
    dateOfBirth: z.string().regex(/^\d{6}$/),
    dateOfExpiry: z.string().regex(/^\d{6}$/),
  }),
  z.object({ kind: z.literal('qr'), text: z.string().min(10).max(1000) }),
  z.object({ kind: z.literal('can'), can: z.string().regex(/^\d{6}$/) }),
]);
export type AccessKey = z.infer<typeof AccessKeySchema>;

export const ReaderSchema = z.object({
  name: z.string(),
  cardPresent: z.boolean(),
  virtual: z.boolean(),
});
export type Reader = z.infer<typeof ReaderSchema>;

export const StatusSchema = z.object({
  readers: z.array(ReaderSchema),
  pcscAvailable: z.boolean(),
  online: z.boolean(),
  registryConfigured: z.boolean(),
  pendingRecords: z.number().int(),
  /** Records past their retention that wait for the registry's acknowledgement before they may be purged. */
  purgeWaiting: z.number().int(),
  /** When an import or the registry last changed the trust list; null while the shipped list is all there is. */
  trustListUpdatedAt: z.string().nullable(),
  /** The date of the list shipped with the terminal (its newest certificate's start of validity); null when it holds none. */
  shippedTrustListDate: z.string().nullable(),
  terminalName: z.string(),
  language: z.enum(['vi', 'en']),
  /** The operator signed in at this counter; every record names them. */
  operator: z.string().nullable(),
  /** Their role: supervisors are offered administrator actions (e.g. importing a CSCA). */
  operatorRole: z.enum(['clerk', 'supervisor']).nullable(),
  /** The kiosk's idle times (Settings): a result clears after `resultClearSeconds`, the clerk is signed out after `signOutMinutes`. */
  idle: z.object({ resultClearSeconds: idleTime('resultClearSeconds'), signOutMinutes: idleTime('idleSignOutMinutes') }),
  /** Operator accounts exist, so someone must sign in before a card is read. */
  signInRequired: z.boolean(),
});
export type Status = z.infer<typeof StatusSchema>;

/** `closed`: the clerk is done with the session (next customer, cancel, idle); it carries no outcome any more. */
export const SessionStateSchema = z.enum(['waiting', 'key-needed', 'reading', 'verifying', 'done', 'error', 'cancelled', 'closed']);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const ProgressSchema = z.object({
  step: z.string(),
  file: z.string().nullable(),
  bytesRead: z.number().int(),
  bytesTotal: z.number().int().nullable(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/** What the result screen shows: the verification plus the face and the fields the profile allows. */
export const SessionOutcomeSchema = z.object({
  recordId: z.string().nullable(),
  result: VerificationResultSchema,
  faceDataUrl: z.string().nullable(),
  /** Which expiry assumption opened the chip, when several keys were tried (ACCESS_KEY_ASSUMED). */
  accessNote: NoteSchema.nullable(),
  /** The holder fields the purpose profile shows; the document carries no other holder value. */
  displayFields: z.array(DisplayFieldSchema),
  /** Set when the screen is to compare the customer's face with the chip photo: a VERIFIED read, the photo shown, the profile asks for it. */
  faceMatch: FaceMatchRequestSchema.nullable(),
});
export type SessionOutcome = z.infer<typeof SessionOutcomeSchema>;

export const SessionEventSchema = z.object({
  sessionId: z.string(),
  reader: z.string(),
  /** Grows with every change of any session: of two events about a reader, the larger is newer, whatever order they came in. */
  seq: z.number().int(),
  state: SessionStateSchema,
  progress: ProgressSchema.nullable(),
  outcome: SessionOutcomeSchema.nullable(),
  error: ApiErrorSchema.nullable(),
});
export type SessionEvent = z.infer<typeof SessionEventSchema>;

export const RecordSummarySchema = z.object({
  id: z.string(),
  time: z.string(),
  operator: z.string(),
  purpose: z.string(),
  documentType: z.string(),
  issuingState: z.string(),
  verdict: VerdictSchema,
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  synced: z.boolean(),
});
export type RecordSummary = z.infer<typeof RecordSummarySchema>;

/** One record as the history's detail view shows it: the summary, every check and warning, and its sync state. */
export const RecordDetailSchema = RecordSummarySchema.extend({
  checks: ChecksSchema,
  warnings: z.array(WarningSchema),
  syncedAt: z.string().nullable(),
  retainUntil: z.string(),
  purgedAt: z.string().nullable(),
  /** The face match at the counter and the teller's conclusion, if one was recorded. */
  faceMatch: FaceMatchSummarySchema.nullable(),
});
export type RecordDetail = z.infer<typeof RecordDetailSchema>;

export const RecordQuerySchema = z.object({
  search: z.string().max(100).optional(),
  verdict: VerdictSchema.optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const SettingsSchema = z.object({
  terminalName: z.string().min(1).max(100),
  purpose: z.string(),
  language: z.enum(['vi', 'en']),
  reader: z.string().nullable(),
  registryUrl: z.string().nullable(),
  /** What the result screen shows under the purpose profile as a supervisor chose it; null: the profile's default (listPurposes). */
  displayFields: z.array(DisplayFieldSchema).nullable(),
  resultClearSeconds: idleTime('resultClearSeconds'),
  idleSignOutMinutes: idleTime('idleSignOutMinutes'),
  /** Face match under the purpose profile; null in an update: back to the profile's default. */
  faceMatch: FaceMatchSettingSchema.nullable(),
  /** The camera's device id as the page knows it; null: the default camera. */
  camera: z.string().max(200).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const CscaSummarySchema = z.object({
  country: z.string(),
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprint: z.string(),
  source: z.string(),
  name: z.string().nullable(),
  /** A demo CSCA of the sample cards: its private key is public, so nothing it signs is a real document. */
  demo: z.boolean(),
});

export const OperatorRoleSchema = z.enum(['clerk', 'supervisor']);

export const OperatorSchema = z.object({
  name: z.string(),
  role: OperatorRoleSchema,
  createdAt: z.string(),
  disabled: z.boolean(),
  /** When a lock after wrong PINs ends; null when not locked. */
  lockedUntil: z.string().nullable(),
});
export type OperatorAccount = z.infer<typeof OperatorSchema>;

const OperatorName = z.string().min(1).max(64);
const NewPin = z.string().regex(/^\d{4,12}$/);

/** What a supervisor changes on an account. */
export const OperatorChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disable'), disabled: z.boolean() }),
  z.object({ kind: z.literal('unlock') }),
  z.object({ kind: z.literal('pin'), pin: NewPin }),
  z.object({ kind: z.literal('role'), role: OperatorRoleSchema }),
]);

export const DemoCardSchema = z.object({
  profile: z.string(),
  variant: z.string().nullable(),
  key: AccessKeySchema,
});
export type DemoCard = z.infer<typeof DemoCardSchema>;

const Pin = z.object({ operator: z.string().min(1).max(50), pin: z.string().min(4).max(12) });

/** Request/response pairs; the method name is the wire name on every transport. */
export const TerminalApiSchema = {
  getStatus: { input: z.object({}), output: StatusSchema },
  startVerification: { input: z.object({ reader: z.string().nullable(), key: AccessKeySchema }), output: z.object({ sessionId: z.string() }) },
  cancelVerification: { input: z.object({ sessionId: z.string() }), output: z.object({ ok: z.boolean() }) },
  /** The clerk is done with the session (next customer, cancel, idle): stopped if need be, its outcome gone from every screen. */
  closeSession: { input: z.object({ sessionId: z.string() }), output: z.object({ ok: z.boolean() }) },
  /** The clerk chose to see a FAILED document's holder data and photo anyway: recorded in the audit log before they are shown. */
  revealFailedData: { input: z.object({ recordId: z.string().max(100) }), output: z.object({ ok: z.boolean() }) },
  /** The face match at the counter and the teller's conclusion, kept with the verification record: numbers and words, never a picture. */
  recordFaceMatch: { input: z.object({ recordId: z.string().max(100), report: FaceMatchReportSchema }), output: z.object({ ok: z.boolean() }) },
  /** Each reader's current session, or its last one with the outcome: what a page that (re)loads shows. */
  getSessions: { input: z.object({}), output: z.array(SessionEventSchema) },
  listRecords: { input: RecordQuerySchema, output: z.object({ records: z.array(RecordSummarySchema), total: z.number().int() }) },
  getRecord: { input: z.object({ id: z.string().max(64) }), output: RecordDetailSchema },
  /** The records the history's filters show; `language`: a CSV for a spreadsheet (BOM, column names and warnings in it). */
  exportRecords: {
    input: Pin.extend({
      format: z.enum(['csv', 'json']),
      /** A CSV for a spreadsheet in this language (BOM, column names, dates as the clerk reads them). */
      language: z.enum(['vi', 'en']).optional(),
      /** The clerk's IANA time zone for the spreadsheet's times (the browser's); UTC when absent. */
      timeZone: z.string().max(64).optional(),
    }).merge(RecordQuerySchema.pick({ search: true, verdict: true, from: true, to: true })),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  /** Checks a PIN (for supervisor screens) without changing who is signed in. */
  login: { input: Pin, output: z.object({ role: OperatorRoleSchema }) },
  signIn: { input: Pin, output: z.object({ role: OperatorRoleSchema }) },
  /** First run: creates the first supervisor and signs them in; refused once any account exists. */
  setupSupervisor: { input: z.object({ operator: OperatorName, pin: NewPin }), output: z.object({ role: OperatorRoleSchema }) },
  listOperators: { input: Pin, output: z.array(OperatorSchema) },
  addOperator: { input: Pin.extend({ name: OperatorName, role: OperatorRoleSchema, newPin: NewPin }), output: OperatorSchema },
  changeOperator: { input: Pin.extend({ name: OperatorName, change: OperatorChangeSchema }), output: OperatorSchema },
  signOut: { input: z.object({}), output: z.object({ ok: z.boolean() }) },
  getSettings: { input: z.object({}), output: SettingsSchema },
  updateSettings: { input: Pin.extend({ settings: SettingsSchema.partial() }), output: SettingsSchema },
  /** A custom profile brings its own description; the built-ins' is empty: the catalogue names them (`purpose.<id>`). `faceMatch`: as set for that profile, or its default. */
  listPurposes: { input: z.object({}), output: z.array(z.object({ id: z.string(), description: z.string(), show: z.array(DisplayFieldSchema), faceMatch: FaceMatchSettingSchema })) },
  listTrust: { input: z.object({}), output: z.array(CscaSummarySchema) },
  /** `demoCscas`: how many of the imported CSCAs are demo CSCAs, which the screen warns about. */
  importTrust: { input: Pin.extend({ fileName: z.string().max(200), base64: z.string().max(20_000_000) }), output: z.object({ imported: z.number().int(), demoCscas: z.number().int(), summary: NoteSchema, notes: z.array(z.string()) }) },
  removeTrust: { input: Pin.extend({ fingerprint: z.string().regex(/^[0-9a-fA-F:]{64,95}$/) }), output: z.object({ removed: z.boolean() }) },
  enrol: { input: Pin.extend({ url: z.string().url(), code: z.string().min(4).max(64) }), output: z.object({ terminalId: z.string() }) },
  listDemoCards: { input: z.object({}), output: z.array(DemoCardSchema) },
  insertDemoCard: { input: z.object({ profile: z.string(), variant: z.string().nullable() }), output: z.object({ ok: z.boolean() }) },
  removeDemoCard: { input: z.object({}), output: z.object({ ok: z.boolean() }) },
  /** The business applications allowed on the local integration API (supervisor PIN). */
  listIntegrationClients: { input: Pin, output: z.array(ListedIntegrationClientSchema) },
  /** Registers one; `secret` is shown this once and never stored in the clear. */
  addIntegrationClient: { input: Pin.extend({ client: NewIntegrationClientSchema }), output: z.object({ client: IntegrationClientSchema, secret: z.string() }) },
  /** Revokes one at once: its connections are closed and its credentials refused. */
  revokeIntegrationClient: { input: Pin.extend({ id: z.string().max(40) }), output: IntegrationClientSchema },
  /** Whether the integration API runs, on which port and where it listens (supervisor PIN). */
  getIntegrationApi: { input: Pin, output: IntegrationApiStateSchema },
  /** Turns it on or off, at once in the running terminal (the `integrationApi` setting, audited). */
  setIntegrationApi: { input: Pin.extend({ enabled: z.boolean() }), output: IntegrationApiStateSchema },
} as const;

export type TerminalApiMethod = keyof typeof TerminalApiSchema;
export type ApiInput<M extends TerminalApiMethod> = z.input<(typeof TerminalApiSchema)[M]['input']>;
export type ApiOutput<M extends TerminalApiMethod> = z.infer<(typeof TerminalApiSchema)[M]['output']>;

/** Events pushed to the UI. */
export const TerminalEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session'), event: SessionEventSchema }),
  z.object({ type: z.literal('status'), status: StatusSchema }),
]);
export type TerminalEvent = z.infer<typeof TerminalEventSchema>;

export type TerminalApi = {
  [M in TerminalApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>>;
} & {
  /** Live events; a new subscriber first gets each reader's session as it stands (see getSessions). */
  subscribe(listener: (event: TerminalEvent) => void): () => void;
};
