/**
 * THE message catalogue of eID Terminal: every error, warning, note and screen text, in English
 * (catalogue/en, which defines the codes and their parameters) and Vietnamese (catalogue/vi,
 * checked to have exactly the same keys and parameters). Core raises `{ code, params }`; the UI,
 * the CLI and the docs (docs/reference/messages.md, generated) render them.
 *
 * Rules every entry keeps (test/unit/messages/catalogue.test.ts checks them):
 * - Parameters never carry personal data: no names, ID or document numbers, birth dates, addresses,
 *   faces, MRZ or CAN. They name files, readers, commands, status words, counts and tokens.
 * - `detail` (any message may carry one) is a technical note for logs and support, in English, never
 *   personal data; no template shows it.
 * - Vietnamese places tone marks on the main vowel per Decision 1989/QĐ-BGDĐT (2018): "hoà",
 *   "khoá", "huỷ", "thuỷ", "quý" (core/messages/spelling.ts).
 */
import type { Catalogue, Entry } from './define.ts';
import { en } from './catalogue/en/index.ts';
import { vi } from './catalogue/vi/index.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language's name in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { vi: 'Tiếng Việt', en: 'English' };

export const KINDS = ['errors', 'warnings', 'reasons', 'notes', 'ui'] as const;
export type Kind = (typeof KINDS)[number];

export type ErrorCode = keyof typeof en.errors & string;
export type WarningCode = keyof typeof en.warnings & string;
/** Why a check of a verification result has its status (`checks.*.reason`). */
export type ReasonCode = keyof typeof en.reasons & string;
export type NoteCode = keyof typeof en.notes & string;
export type UiKey = keyof typeof en.ui & string;
export type MessageCode = ErrorCode | WarningCode | ReasonCode | NoteCode | UiKey;

export type ErrorEntry<C extends ErrorCode> = (typeof en.errors)[C];
export type WarningEntry<C extends WarningCode> = (typeof en.warnings)[C];
export type ReasonEntry<C extends ReasonCode> = (typeof en.reasons)[C];
export type NoteEntry<C extends NoteCode> = (typeof en.notes)[C];
export type UiEntry<K extends UiKey> = (typeof en.ui)[K];

/** A translated entry: text, or a function of the English entry's parameters. */
export type Rendered = string | ((params: never) => string);

/** The English catalogue (definitions) and every language's entries, by kind. */
export const english: { readonly [K in Kind]: Catalogue } = en;
export const catalogues: Readonly<Record<Lang, { readonly [K in Kind]: { readonly [code: string]: Entry | Rendered } }>> = { en, vi };

const KIND_OF = new Map<string, Kind>(KINDS.flatMap((kind) => Object.keys(en[kind]).map((code) => [code, kind] as const)));

export const ERROR_CODES = Object.keys(en.errors) as ErrorCode[];
export const WARNING_CODES = Object.keys(en.warnings) as WarningCode[];
export const REASON_CODES = Object.keys(en.reasons) as ReasonCode[];

export function kindOf(code: string): Kind | undefined {
  return KIND_OF.get(code);
}

export function isErrorCode(code: string): code is ErrorCode {
  return KIND_OF.get(code) === 'errors';
}

export function isWarningCode(code: string): code is WarningCode {
  return KIND_OF.get(code) === 'warnings';
}

export function isUiKey(key: string): key is UiKey {
  return KIND_OF.get(key) === 'ui';
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}
