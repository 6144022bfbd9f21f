/**
 * The settings table: terminal name and id, purpose profile, language, registry URL ... as text
 * values, checked against one schema (KNOWN_SETTINGS). `kv` is the plain KeyValuePort the sync
 * worker uses for its own state (`sync.*`): never listed, never set by a person.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { EidError } from '../errors.ts';
import { storeError } from './errors.ts';
import { DisplayChoicesSchema, FaceMatchChoicesSchema, parseCustomProfiles, resolveProfile } from './profiles.ts';
import { IDLE_LIMITS, type IdleSetting } from '../api/idle.ts';

export interface KeyValuePort {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

function idleText(key: IdleSetting) {
  const { min, max } = IDLE_LIMITS[key];
  return z.string().regex(/^\d{1,5}$/).refine((v) => Number(v) >= min && Number(v) <= max);
}

/** An idle time as set, or its default. */
export function idleSetting(settings: KeyValuePort, key: IdleSetting): number {
  const value = settings.get(key);
  return value === undefined ? IDLE_LIMITS[key].default : Number(value);
}

/** A setting holding JSON that `schema` accepts. */
function jsonText(schema: z.ZodType) {
  return z.string().max(10_000).refine((v) => {
    try {
      return schema.safeParse(JSON.parse(v)).success;
    } catch {
      return false;
    }
  });
}

/** Text a person reads back on a screen or a terminal: no control characters or bidirectional overrides. */
const text = z.string().regex(/^[^\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u);

/** The settings of a terminal and their validation: the one schema for the CLI, the API and the store. */
export const KNOWN_SETTINGS = {
  terminalId: z.string().min(1).max(100),
  terminalName: text.min(1).max(200),
  purposeProfile: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
  purposeProfiles: z.string().max(100_000),
  language: z.enum(['vi', 'en']),
  /** The holder fields the result screen shows, per purpose profile, as a supervisor chose them (JSON). */
  displayFields: jsonText(DisplayChoicesSchema),
  /** Face match per purpose profile, as a supervisor set it (JSON: profile -> { enabled, threshold }). */
  faceMatch: jsonText(FaceMatchChoicesSchema),
  /** The camera the counter uses for face match (the browser's device id); empty for the default one. */
  camera: text.max(200),
  /** The preferred reader's name; empty for none. */
  reader: text.max(200),
  registryUrl: z.string().url().max(2000),
  operatorMaxFailures: z.string().regex(/^\d{1,3}$/),
  operatorLockMinutes: z.string().regex(/^\d{1,5}$/),
  /** How long a result (or an error) stays on the kiosk's screen before it clears itself. */
  resultClearSeconds: idleText('resultClearSeconds'),
  /** After how long without activity the clerk is signed out. */
  idleSignOutMinutes: idleText('idleSignOutMinutes'),
  /** The local integration API for business applications: on, off, or (not set) on while an active client exists. */
  integrationApi: z.enum(['on', 'off']),
} as const;
export type KnownSetting = keyof typeof KNOWN_SETTINGS;

/** What a person may change: every setting but the terminal id, which is made once with the database. */
export const PERSON_SETTINGS: readonly KnownSetting[] = (Object.keys(KNOWN_SETTINGS) as KnownSetting[]).filter((k) => k !== 'terminalId');

export class SettingsTable implements KeyValuePort {
  readonly #get: Database.Statement<[string], { value: string }>;
  readonly #set: Database.Statement<[string, string]>;
  readonly #all: Database.Statement<[], { key: string; value: string }>;

  constructor(db: Database.Database) {
    this.#get = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.#set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.#all = db.prepare('SELECT key, value FROM settings ORDER BY key');
  }

  get(key: string): string | undefined {
    return this.#get.get(key)?.value;
  }

  /** Known settings are validated; an invalid value throws SETTING_INVALID and changes nothing. */
  set(key: string, value: string): void {
    const schema = (KNOWN_SETTINGS as Record<string, z.ZodType>)[key];
    if (schema && !schema.safeParse(value).success) throw storeError('SETTING_INVALID', key);
    // Profiles are checked as a whole (PROFILE_INVALID / PROFILE_UNKNOWN) before they take effect.
    if (key === 'purposeProfiles') parseCustomProfiles(value);
    if (key === 'purposeProfile') resolveProfile(value, parseCustomProfiles(this.get('purposeProfiles')));
    this.#set.run(key, value);
  }

  /** A change made by a person: only the settings of the schema (a misspelt key is an error listing them). */
  change(key: string, value: string): void {
    if (!(PERSON_SETTINGS as readonly string[]).includes(key)) throw new EidError('SETTING_UNKNOWN', { key, settings: PERSON_SETTINGS.join(', ') });
    this.set(key, value);
  }

  /** The settings of the schema that are set; internal state (`sync.*`) stays out. */
  known(): Partial<Record<KnownSetting, string>> {
    const out: Partial<Record<KnownSetting, string>> = {};
    for (const { key, value } of this.#all.all()) if (key in KNOWN_SETTINGS) out[key as KnownSetting] = value;
    return out;
  }
}
