/** The LDS samples of ../shared/vectors/lds_parsing_samples.json by id, as bytes. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromHex } from '../../../core/bytes/hex.ts';

interface Element {
  id: string;
  hex: string;
  ascii?: Record<string, string>;
  raw?: Record<string, string>;
  oids?: string[];
}

const file = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/vectors/lds_parsing_samples.json'), 'utf8')) as { elements: Element[] };

export const samples: readonly Element[] = file.elements;

export function sample(id: string): { bytes: Uint8Array; element: Element } {
  const element = file.elements.find((e) => e.id === id);
  if (!element) throw new Error(`no sample ${id}`);
  return { bytes: fromHex(element.hex), element };
}
