/**
 * The dependency rules of docs/design/DESIGN.md as code: which folder may import which, and that
 * only core/crypto/node-crypto.ts touches node:crypto. Used by `npm run lint` and by a unit test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Layers of core/: a module may import its own layer or lower ones, never higher. */
const CORE_RANK: Record<string, number> = {
  'errors.ts': 0, bytes: 0, api: 0,
  crypto: 1, asn1: 1,
  mrz: 2, lds: 2, 'registry-protocol': 2,
  emrtd: 3, trust: 3,
  chip: 4,
  session: 5, store: 5, sync: 5,
  terminal: 6,
  integration: 7,
};

/**
 * What registry/ may use of core/: the protocol it shares with the terminal, the layers below it,
 * and core/trust (trust-publish reads certificate files with its loader). Never the terminal's
 * own sync client or store.
 */
const REGISTRY_MAY_IMPORT = new Set(['errors.ts', 'bytes', 'crypto', 'asn1', 'trust', 'registry-protocol']);
/** Front ends share what they need through host/ and core/, never by importing one another. */
const FRONT_ENDS = ['electron', 'service', 'cli', 'integration'];
/**
 * The one exception: the integration API runs in the process of the terminal it serves (one
 * Terminal, one flow), so that process's entry starts it through its one entry point.
 */
const RUNS_BESIDE: Readonly<Record<string, string>> = { 'service/main.ts': 'integration/start.ts' };

const FORBIDDEN_IN_CORE = [/^electron$/, /^react/, /^fastify/, /^pcsclite$/, /^smartcard$/, /^pg$/, /^ws$/, /^vite/];
const NODE_CRYPTO = /^(node:)?crypto$/;
const CRYPTO_OWNER = 'core/crypto/node-crypto.ts';

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function coreModule(rel: string): string | undefined {
  const parts = rel.split('/');
  if (parts[0] !== 'core') return undefined;
  return parts.length === 2 ? parts[1] : parts[1];
}

export function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  const top = ['core', 'face', 'fixtures', 'host', 'native', 'electron', 'service', 'integration', 'renderer', 'registry', 'cli', 'bench', 'test', 'scripts'];
  for (const folder of top) {
    let files: string[];
    try {
      files = sourceFiles(join(root, folder));
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = relative(root, file).split(sep).join('/');
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(text)) {
        if (NODE_CRYPTO.test(spec) && rel !== CRYPTO_OWNER) {
          violations.push({ file: rel, specifier: spec, rule: `only ${CRYPTO_OWNER} may import node:crypto` });
        }
        const target = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)).split(sep).join('/') : undefined;
        if (rel.startsWith('core/')) {
          if (FORBIDDEN_IN_CORE.some((r) => r.test(spec))) violations.push({ file: rel, specifier: spec, rule: 'core/ is framework-free' });
          if (target && !target.startsWith('core/')) violations.push({ file: rel, specifier: spec, rule: 'core/ imports nothing outside core/' });
          const from = coreModule(rel);
          const to = target ? coreModule(target) : undefined;
          if (from && to && from !== to) {
            const rf = CORE_RANK[from];
            const rt = CORE_RANK[to];
            if (rf !== undefined && rt !== undefined && rt > rf) {
              violations.push({ file: rel, specifier: spec, rule: `core/${from} (layer ${rf}) may not import core/${to} (layer ${rt})` });
            }
          }
        }
        if (rel.startsWith('registry/') && target?.startsWith('core/') && !REGISTRY_MAY_IMPORT.has(coreModule(target)!)) {
          violations.push({ file: rel, specifier: spec, rule: 'registry/ uses core/registry-protocol and low core layers only' });
        }
        if (rel.startsWith('face/')) {
          if (FORBIDDEN_IN_CORE.some((r) => r.test(spec))) violations.push({ file: rel, specifier: spec, rule: 'face/ is framework-free' });
          if (target && !(target.startsWith('face/') || target.startsWith('core/'))) violations.push({ file: rel, specifier: spec, rule: 'face/ imports only face/ and core/' });
        }
        const fromTop = rel.split('/')[0]!;
        const toTop = target?.split('/')[0];
        if (toTop && toTop !== fromTop && FRONT_ENDS.includes(toTop) && (FRONT_ENDS.includes(fromTop) || fromTop === 'host') && RUNS_BESIDE[rel] !== target) {
          violations.push({ file: rel, specifier: spec, rule: `${fromTop}/ may not import the front end ${toTop}/ (share through host/ or core/)` });
        }
        if (rel.startsWith('renderer/src/') && target && !(target.startsWith('renderer/') || target.startsWith('core/api/'))) {
          violations.push({ file: rel, specifier: spec, rule: 'renderer/ talks only to core/api (TerminalApi)' });
        }
        // Front ends and host/ run in the shipped app, where the build tooling of scripts/ is not.
        if (toTop === 'scripts' && (FRONT_ENDS.includes(fromTop) || fromTop === 'host')) {
          violations.push({ file: rel, specifier: spec, rule: `${fromTop}/ never imports scripts/ (build tooling)` });
        }
        if (target && rel.startsWith('bench/') && target.startsWith('test/')) {
          violations.push({ file: rel, specifier: spec, rule: 'bench/ never imports test/ (shared helpers live in fixtures/)' });
        }
        if (target && rel.startsWith('fixtures/') && !['fixtures/', 'core/', 'native/'].some((f) => target.startsWith(f))) {
          violations.push({ file: rel, specifier: spec, rule: 'fixtures/ imports only core/ and native/' });
        }
        if (target && (target.startsWith('..') || target.startsWith('/'))) {
          violations.push({ file: rel, specifier: spec, rule: 'nothing imports from outside the repository' });
        }
        if (rel.startsWith('renderer/src/') && (spec.startsWith('node:') || spec === 'electron')) {
          violations.push({ file: rel, specifier: spec, rule: 'renderer/ never touches Node or Electron' });
        }
      }
    }
  }
  return violations;
}
