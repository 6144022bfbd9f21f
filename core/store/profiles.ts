/**
 * Purpose profiles (docs/design/DESIGN.md "Data protection"): a deployment keeps only the fields its purpose
 * needs, for as long as it needs them. Built-ins for a bank, a hospital and a government office;
 * a deployment may define its own in the `purposeProfiles` setting.
 */
import { z } from 'zod';
import { PERSONAL_FIELDS, SENSITIVE_FIELDS, type PersonalField } from './personal-fields.ts';
import { storeError } from './errors.ts';

export interface PurposeProfile {
  readonly name: string;
  /** A custom profile's own words; empty for the built-ins, which the catalogue names (`purpose.<name>`). */
  readonly description: string;
  /** Personal fields stored (encrypted) with the record. */
  readonly keep: readonly PersonalField[];
  /** Personal fields the registry receives: a subset of `keep`, never the face or MRZ. */
  readonly sendToRegistry: readonly PersonalField[];
  /** Days until the personal fields are purged; the tombstone stays in the chain. */
  readonly retentionDays: number;
}

const CORE_IDENTITY: readonly PersonalField[] = ['idNumber', 'documentNumber', 'fullName', 'dateOfBirth', 'sex', 'nationality'];

export const BUILT_IN_PROFILES: Readonly<Record<string, PurposeProfile>> = {
  // Know-your-customer at account opening: identity and address, kept for the AML period.
  bank: {
    name: 'bank',
    description: '',
    keep: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfResidence'],
    sendToRegistry: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfResidence'],
    retentionDays: 5 * 365,
  },
  // Patient registration needs who and where, not documents or family.
  hospital: {
    name: 'hospital',
    description: '',
    keep: ['idNumber', 'fullName', 'dateOfBirth', 'sex', 'placeOfResidence'],
    sendToRegistry: ['idNumber', 'fullName', 'dateOfBirth', 'sex'],
    retentionDays: 365,
  },
  // Administrative procedures use the full civil-status set of DG13.
  government: {
    name: 'government',
    description: '',
    keep: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfOrigin', 'placeOfResidence', 'ethnicity', 'religion', 'oldIdNumber'],
    sendToRegistry: [...CORE_IDENTITY, 'dateOfIssue', 'dateOfExpiry', 'placeOfOrigin', 'placeOfResidence'],
    retentionDays: 2 * 365,
  },
  // Proof that a check happened, without identity beyond the searchable ID number.
  minimal: {
    name: 'minimal',
    description: '',
    keep: ['idNumber'],
    sendToRegistry: [],
    retentionDays: 90,
  },
};

export const DEFAULT_PROFILE = 'bank';

const fieldSchema = z.enum(PERSONAL_FIELDS);

export const PurposeProfileSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
  description: z.string().max(200).default(''),
  keep: z.array(fieldSchema).max(PERSONAL_FIELDS.length),
  sendToRegistry: z.array(fieldSchema).max(PERSONAL_FIELDS.length).default([]),
  retentionDays: z.number().int().min(1).max(36500),
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
