/** The LDS samples of fixtures/vectors/lds_parsing_samples.json by id, as bytes. */
import { fromHex } from '../../../core/bytes/hex.ts';
import { vector } from '../../../fixtures/index.ts';

interface Element {
  id: string;
  hex: string;
  ascii?: Record<string, string>;
  raw?: Record<string, string>;
  oids?: string[];
}

const file = vector<{ elements: Element[] }>('lds_parsing_samples.json');

export const samples: readonly Element[] = file.elements;

export function sample(id: string): { bytes: Uint8Array; element: Element } {
  const element = file.elements.find((e) => e.id === id);
  if (!element) throw new Error(`no sample ${id}`);
  return { bytes: fromHex(element.hex), element };
}
