/** Loads a JSON vector file from ../shared/vectors beside the checkout (CI layout). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function loadVectors<T = any>(name: string): T {
  return JSON.parse(readFileSync(resolve(process.cwd(), '../shared/vectors', name), 'utf8')) as T;
}
