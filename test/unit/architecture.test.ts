/**
 * The layer table of scripts/import-rules.ts holds for the repository, and its checker sees what
 * it must: for every row a forbidden import of every part and every restricted package is planted
 * in a scratch tree (generated from the table) and must be reported, an allowed one must not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { PACKAGES, PARTS, mayImport, mayUsePackage, partOf, type Part } from '../../scripts/import-rules.ts';
import { findCircles, findPartCircles, findViolations, importsOf, sourceFiles } from '../../scripts/import-check.ts';
import { ARCHITECTURE_DOC, withCurrentTable } from '../../scripts/layer-doc.ts';

/** Writes the files into a scratch tree and runs `look` on its root. */
function inTree<T>(files: Record<string, string>, look: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'eid-layers-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return look(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A file of the part: the part itself when it is one file. */
const fileIn = (part: Part, name: string): string => (part.path.endsWith('/') ? `${part.path}${name}` : part.path);
const specifier = (from: string, to: string): string => {
  const rel = relative(dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
};
/** A package the rule names (a scope gets a made-up package in it). */
const packageOf = (name: string): string => (name.endsWith('/') ? `${name}some-package` : name);
const found = (root: string): string[] => findViolations(root).map((v) => `${v.file} -> ${v.specifier}`).sort();

test('every import of the repository follows the layer table, and no files or parts import each other in a circle', () => {
  assert.deepEqual(findViolations(process.cwd()), []);
  assert.deepEqual(findCircles(process.cwd()), []);
  assert.deepEqual(findPartCircles(process.cwd()), []);
});

test('the import scanner sees static, dynamic and side-effect imports', () => {
  const text = ["import { x } from 'node:crypto';", "export * from './a.ts';", "const m = await import('../b.ts');", "import 'crypto';"].join('\n');
  assert.deepEqual(importsOf(text), ['node:crypto', './a.ts', '../b.ts', 'crypto']);
});

test('for every row, an import of each part it may not import is reported and one it may import is not', () => {
  const files: Record<string, string> = {};
  const expected: string[] = [];
  for (const from of PARTS) {
    const planted = fileIn(from, 'planted.ts');
    const forbidden = PARTS.filter((to) => !mayImport(from, to));
    assert.ok(forbidden.length > 0, `${from.path} may import every part: the row says nothing`);
    const lines = PARTS.filter((to) => to !== from).map((to) => {
      const spec = specifier(planted, fileIn(to, 'target.ts'));
      if (!mayImport(from, to)) expected.push(`${planted} -> ${spec}`);
      return `import { x } from '${spec}';`;
    });
    files[planted] = lines.join('\n');
  }
  assert.deepEqual(inTree(files, found), expected.sort());
});

test('for every package rule, an import from outside its parts is reported and one from inside is not', () => {
  const places = [...new Set([...PARTS.map((p) => fileIn(p, 'planted.ts')), ...PACKAGES.flatMap((r) => r.only.filter((o) => !o.endsWith('/')))])];
  const expected: string[] = [];
  for (const rule of PACKAGES) {
    for (const place of places) if (!mayUsePackage(place, rule)) expected.push(`${place} -> ${packageOf(rule.name)}`);
    assert.ok(places.some((place) => !mayUsePackage(place, rule)), `${rule.name} is allowed everywhere`);
  }
  const text = PACKAGES.map((r) => `import x from '${packageOf(r.name)}';`).join('\n');
  assert.deepEqual(inTree(Object.fromEntries(places.map((place) => [place, text])), found), expected.sort());
});

test('a part that runs in a page may import no Node module, by either spelling', () => {
  const page = PARTS.filter((p) => p.node === false);
  assert.ok(page.some((p) => p.path === 'renderer/src/'));
  const files = Object.fromEntries(PARTS.map((p) => [fileIn(p, 'planted.ts'), "import { readFileSync } from 'node:fs';\nimport { join } from 'path';"]));
  assert.deepEqual(inTree(files, found), page.flatMap((p) => [`${fileIn(p, 'planted.ts')} -> node:fs`, `${fileIn(p, 'planted.ts')} -> path`]).sort());
});

test('the rules the design names hold in the table', () => {
  const part = (path: string): Part => partOf(path)!;
  const never: [string, string][] = [
    ['core/lds/dg1.ts', 'core/emrtd/read/read-file.ts'], ['core/registry-protocol/jws.ts', 'core/sync/status.ts'],
    ['core/terminal/terminal.ts', 'host/create-host.ts'], ['electron/main.ts', 'service/server.ts'], ['service/main.ts', 'cli/main.ts'],
    ['cli/commands/start.ts', 'scripts/build-electron.ts'], ['host/create-host.ts', 'service/server.ts'], ['bench/read.ts', 'test/chip/terminal-side.ts'],
    ['renderer/src/App.tsx', 'host/create-host.ts'], ['renderer/src/App.tsx', 'core/session/session.ts'], ['registry/ingest.ts', 'core/sync/registry-client.ts'],
    ['registry/ingest.ts', 'core/store/outbox.ts'], ['face/engine.ts', 'cli/main.ts'], ['core/store/store.ts', 'bench/store.ts'], ['native/readers.ts', 'host/pcsc-readers.ts'],
  ];
  for (const [from, to] of never) assert.equal(mayImport(part(from), part(to)), false, `${from} -> ${to}`);
  const may: [string, string][] = [['core/emrtd/bac/bac.ts', 'core/lds/files.ts'], ['registry/ingest.ts', 'core/registry-protocol/jws.ts'], ['test/unit/x.test.ts', 'bench/face-rates.ts'], ['electron/main.ts', 'host/create-host.ts']];
  for (const [from, to] of may) assert.equal(mayImport(part(from), part(to)), true, `${from} -> ${to}`);
});

test('an import from outside the repository, a file in no part, a circle of files and one of parts on a floor are reported', () => {
  const files = {
    'bench/a.ts': "import { x } from '../../elsewhere/x.ts';",
    'stray/b.ts': 'export const b = 1;',
    'core/bytes/a.ts': "import { b } from './b.ts';",
    'core/bytes/b.ts': "import { c } from './c.ts';",
    'core/bytes/c.ts': "import { a } from './a.ts';\nimport { d } from './d.ts';",
    'core/bytes/d.ts': 'export const d = 1;',
    'core/store/outbox.ts': "import { p } from '../sync/ports.ts';",
    'core/sync/ports.ts': 'export const p = 1;',
    'core/sync/worker.ts': "import { o } from '../store/outbox.ts';",
  };
  assert.deepEqual(inTree(files, found), ['bench/a.ts -> ../../elsewhere/x.ts', 'stray/b.ts -> ']);
  assert.deepEqual(inTree(files, findCircles), [['core/bytes/a.ts', 'core/bytes/b.ts', 'core/bytes/c.ts']]);
  assert.deepEqual(inTree(files, findPartCircles), [['core/store/', 'core/sync/']]);
});

test(`${ARCHITECTURE_DOC} shows the layer table as it is`, () => {
  const page = readFileSync(ARCHITECTURE_DOC, 'utf8');
  assert.equal(page, withCurrentTable(page));
});

test('each part with TypeScript is type-checked by exactly one program: Node code without DOM types, the renderer without Node types', () => {
  const configs = ['tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'test/tsconfig.json'].map((file) => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { include: string[]; compilerOptions: { lib: string[]; types: string[] } };
    return { file, ...json.compilerOptions, include: json.include.map((i) => join(dirname(file), i).replace(/\/?$/, i.endsWith('.ts') ? '' : '/')) };
  });
  const typed = new Set(sourceFiles(process.cwd()).filter((f) => /\.tsx?$/.test(f)).map((f) => partOf(f)!));
  for (const part of typed) {
    const holders = configs.filter((c) => c.include.some((i) => (i.endsWith('/') ? part.path.startsWith(i) : part.path === i)));
    assert.equal(holders.length, 1, `${part.path} is in ${holders.map((h) => h.file).join(', ') || 'no tsconfig'}`);
  }
  const [node, electron, renderer, tests] = configs;
  for (const c of [node!, electron!]) assert.ok(!c.lib.some((l) => l.startsWith('DOM')) && c.types.includes('node'), c.file);
  assert.ok(renderer!.lib.includes('DOM') && renderer!.types.length === 0);
  assert.ok(tests!.types.includes('node'));
});
