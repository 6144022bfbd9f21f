/**
 * The building blocks of the catalogues: an English entry is either plain text or a template that
 * declares its parameters (so the docs, the tests and the types all know them); the Vietnamese
 * entry for the same key is plain text or a function of exactly those parameters (`Translation`).
 */

/** A parameter is text, a number, or one of a closed list of tokens (rendered through a table). */
export type ParamKind = 'text' | 'number' | readonly string[];
export type ParamSpec = { readonly [name: string]: ParamKind };

type ValueOf<K> = K extends 'text' ? string : K extends 'number' ? number : K extends readonly (infer E)[] ? E : never;
export type ParamsOf<S extends ParamSpec> = { readonly [N in keyof S]: ValueOf<S[N]> };

export interface Template<S extends ParamSpec = ParamSpec> {
  readonly params: S;
  text(p: ParamsOf<S>): string;
}

/** An English entry with parameters: `template({ file: 'text' }, (p) => `${p.file} ...`)`. */
export function template<const S extends ParamSpec>(params: S, text: (p: ParamsOf<S>) => string): Template<S> {
  return { params, text };
}

export type Entry = string | Template;
export type Catalogue = { readonly [key: string]: Entry };

/** What another language must give for an English catalogue: the same keys, the same parameters. */
export type Translation<T extends Catalogue> = {
  readonly [K in keyof T]: T[K] extends Template<infer S> ? (p: ParamsOf<S>) => string : string;
};

/**
 * Every message may carry a `detail`: a technical note for logs and support (a status word, a
 * parser's complaint), in English, never personal data. No template shows it; the CLI and the
 * UI's details area do.
 */
export type Detail = { readonly detail?: string };

/** The parameters a caller gives for an entry: its declared ones, plus the optional detail. */
export type ParamsFor<E> = (E extends Template<infer S> ? ParamsOf<S> : unknown) & Detail;

/** Required when the entry declares parameters, optional otherwise. */
export type ParamArgs<E> = {} extends ParamsFor<E> ? [params?: ParamsFor<E>] : [params: ParamsFor<E>];

/** Parameters as they travel and are stored: names to text or numbers. */
export type MessageParams = { readonly [name: string]: string | number };
