/** Loads the shared JSON test vectors (../shared/vectors beside the checkout). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function loadVector<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(resolve(process.cwd(), '../shared/vectors', name), 'utf8')) as T;
}
