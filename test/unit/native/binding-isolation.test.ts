import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every .ts file under the given folders. */
function sources(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry)) out.push(path);
    }
  };
  for (const d of dirs) {
    try {
      walk(d);
    } catch {
      // A folder that does not exist yet holds no violations.
    }
  }
  return out;
}

test('only native/pcsc-binding.ts loads the native PC/SC module, and only lazily', () => {
  const root = process.cwd();
  const loaders = sources(['core', 'native', 'cli', 'service', 'electron', 'renderer', 'registry'].map((d) => join(root, d)))
    .filter((f) => /(['"])(smartcard|pcsclite|@pokusew\/pcsclite)\1/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f).split('\\').join('/'));
  assert.deepEqual(loaders, ['native/pcsc-binding.ts']);
  const binding = readFileSync(join(root, 'native/pcsc-binding.ts'), 'utf8');
  assert.doesNotMatch(binding, /^import[^;]*from\s+['"]smartcard['"]/m, 'a static import would load the addon at startup');
});
