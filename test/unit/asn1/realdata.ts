/** Paths to the shared real-world artefacts (../shared beside the checkout). */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REALDATA = resolve(process.cwd(), '../shared/realdata');
export const SOD_COUNTRIES = ['AT', 'DE', 'FI', 'FR', 'NZ', 'PH', 'RU', 'SG', 'UK', 'US'] as const;

export function realFile(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(REALDATA, rel)));
}

export function realFileExists(rel: string): boolean {
  return existsSync(resolve(REALDATA, rel));
}
