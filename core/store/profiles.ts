/**
 * Purpose profiles (docs/design/DESIGN.md "Data protection"): a deployment keeps only the fields its purpose
 * needs, for as long as it needs them. Built-ins for a bank, a hospital and a government office;
 * a deployment may define its own in the `purposeProfiles` setting.
 */
import { z } from 'zod';
import { PERSONAL_FIELDS, SENSITIVE_FIELDS, type PersonalField } from './personal-fields.ts';
import { storeError } from './errors.ts';
import { DISPLAY_FIELDS, type DisplayField } from '../api/display-fields.ts';
import { DEFAULT_FACE_THRESHOLD, FaceMatchSettingSchema, type FaceMatchSetting } from '../api/face-match.ts';

export interface PurposeProfile {
  readonly name: string;
  /** A custom profile's own words; empty for the built-ins, which the catalogue names (`purpose.<name>`). */
  readonly description: string;
  /**
   * What the result screen shows of the holder (docs/reference/purpose-profiles.md says why for
   * each built-in); a supervisor may adjust it (the `displayFields` setting).
   */
  readonly show: readonly DisplayField[];
  /** Personal fields stored (encrypted) with the record. */
  readonly keep: readonly PersonalField[];
  /** Personal fields the registry receives: a subset of `keep`, never the face or MRZ. */
  readonly sendToRegistry: readonly PersonalField[];
  /** Days until the personal fields are purged; the tombstone stays in the chain. */
  readonly retentionDays: number;
  /** Whether the counter compares the customer's face with the chip photo after a VERIFIED read (a supervisor may change it: the `faceMatch` setting). */
  readonly faceMatch: boolean;
}

const CORE_IDENTITY: readonly PersonalField[] = ['idNumber', 'documentNumber', 'fullName', 'dateOfBirth', 'sex', 'nationality'];

export const BUILT_IN_PROFILES: Readonly<Record<string, PurposeProfile>> = {
  // Know-your-customer at account opening: identity and address, kept for the AML period.
  bank: {
    name: 'bank',
    description: '',
    // The identification data of the AML Law (2022) art. 9 and Circular 17/2024/TT-NHNN, and the face to compare.
    show: ['fullName', 'dateOfBirth', 'nationality', 'idNumber', 'dateOfIssue', 'dateOfExpiry', 'placeOfResidence', 'face'],
    keep: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfResidence'],
    sendToRegistry: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfResidence'],
    retentionDays: 5 * 365,
    // Circular 17/2024/TT-NHNN and the State Bank's Decision 2345 (2023): the customer's face against the chip photo.
    faceMatch: true,
  },
  // Patient registration needs who and where, not documents or family.
  hospital: {
    name: 'hospital',
    description: '',
    // Patient registration: who (the ID number is the health-insurance key since the card replaced it) and where.
    show: ['fullName', 'dateOfBirth', 'age', 'sex', 'idNumber', 'placeOfResidence', 'face'],
    keep: ['idNumber', 'fullName', 'dateOfBirth', 'sex', 'placeOfResidence'],
    sendToRegistry: ['idNumber', 'fullName', 'dateOfBirth', 'sex'],
    retentionDays: 365,
    faceMatch: false,
  },
  // Administrative procedures use the full civil-status set of DG13.
  government: {
    name: 'government',
    description: '',
    // The personal details administrative forms ask for, and the old ID number older papers carry.
    show: ['fullName', 'dateOfBirth', 'sex', 'nationality', 'ethnicity', 'idNumber', 'oldIdNumber', 'dateOfIssue', 'dateOfExpiry', 'placeOfOrigin', 'placeOfResidence', 'face'],
    keep: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfOrigin', 'placeOfResidence', 'ethnicity', 'religion', 'oldIdNumber'],
    sendToRegistry: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfOrigin', 'placeOfResidence'],
    retentionDays: 2 * 365,
    faceMatch: false,
  },
  // Proof that a check happened, without identity beyond the searchable ID number.
  minimal: {
    name: 'minimal',
    description: '',
    show: ['fullName', 'face'],
    keep: ['idNumber'],
    sendToRegistry: [],
    retentionDays: 90,
    faceMatch: false,
  },
};

export const DEFAULT_PROFILE = 'bank';

const fieldSchema = z.enum(PERSONAL_FIELDS);

export const PurposeProfileSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
  description: z.string().max(200).default(''),
  show: z.array(z.enum(DISPLAY_FIELDS)).max(DISPLAY_FIELDS.length).default(['fullName', 'face']),
  keep: z.array(fieldSchema).max(PERSONAL_FIELDS.length),
  sendToRegistry: z.array(fieldSchema).max(PERSONAL_FIELDS.length).default([]),
  retentionDays: z.number().int().min(1).max(36500),
  faceMatch: z.boolean().default(false),
}).refine((p) => p.sendToRegistry.every((f) => p.keep.includes(f)), 'sendToRegistry must be a subset of keep')
  .refine((p) => !p.sendToRegistry.some((f) => SENSITIVE_FIELDS.includes(f)), 'face and MRZ are never sent to the registry');

/** Custom profiles from the `purposeProfiles` setting (JSON array); they may override built-ins. */
export function parseCustomProfiles(json: string | undefined): Record<string, PurposeProfile> {
  if (json === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw storeError('PROFILE_INVALID', 'not JSON', e);
  }
  const parsed = z.array(PurposeProfileSchema).max(64).safeParse(raw);
  if (!parsed.success) throw storeError('PROFILE_INVALID', parsed.error.issues[0]?.message);
  const out: Record<string, PurposeProfile> = {};
  for (const p of parsed.data) out[p.name] = p;
  return out;
}

export function resolveProfile(name: string, custom: Record<string, PurposeProfile>): PurposeProfile {
  const profile = custom[name] ?? BUILT_IN_PROFILES[name];
  if (!profile) throw storeError('PROFILE_UNKNOWN', name);
  return profile;
}

export function listProfiles(custom: Record<string, PurposeProfile>): PurposeProfile[] {
  return Object.values({ ...BUILT_IN_PROFILES, ...custom });
}

/** The `displayFields` setting: a supervisor's choice of shown fields, per profile (JSON object). */
export const DisplayChoicesSchema = z.record(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/), z.array(z.enum(DISPLAY_FIELDS)).max(DISPLAY_FIELDS.length));

export function parseDisplayChoices(json: string | undefined): Record<string, DisplayField[]> {
  return parseChoices(DisplayChoicesSchema, json);
}

/** A per-profile setting (JSON object from profile name to a choice): unset, not JSON or not valid counts as unset. */
function parseChoices<T>(schema: z.ZodType<Record<string, T>>, json: string | undefined): Record<string, T> {
  if (!json) return {};
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: as if unset
  }
  return {};
}

/** What the profile shows, as the supervisor adjusted it or by the profile's default. */
export function displayFieldsOf(profile: PurposeProfile, choices: Record<string, DisplayField[]>): readonly DisplayField[] {
  return choices[profile.name] ?? profile.show;
}

/** The `faceMatch` setting: a supervisor's face-match choice (on or off, threshold), per profile (JSON object). */
export const FaceMatchChoicesSchema = z.record(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/), FaceMatchSettingSchema);

export function parseFaceMatchChoices(json: string | undefined): Record<string, FaceMatchSetting> {
  return parseChoices(FaceMatchChoicesSchema, json);
}

/** Face match under the profile, as the supervisor set it or by the profile's default at the measured threshold. */
export function faceMatchOf(profile: PurposeProfile, choices: Record<string, FaceMatchSetting>): FaceMatchSetting {
  return choices[profile.name] ?? { enabled: profile.faceMatch, threshold: DEFAULT_FACE_THRESHOLD };
}
