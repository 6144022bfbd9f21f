/** The packaging check of CI (scripts/check-packaging.ts) finds what a broken configuration or bundle would miss. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  appNeeds, bundledPathProblems, dependencyProblems, iconProblems, packagingProblems, readConfig, schemaErrors, unpackagedModuleProblems, type BuilderConfig,
} from '../../scripts/check-packaging.ts';

function tree(t: { after(fn: () => void): void }, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'eid-packaging-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('electron-builder.yml follows electron-builder\'s own schema; its mistakes would be named', () => {
  const config = readConfig();
  assert.deepEqual(schemaErrors(config), []);
  const broken = { ...config, asarUnpak: ['x'], linux: { ...config.linux, target: 42 } };
  const errors = schemaErrors(broken);
  assert.ok(errors.some((e) => e.includes('(asarUnpak)')), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('/linux/target')), errors.join('\n'));
});

test('files the app needs must be matched by "files" (last pattern wins) and native code unpacked', () => {
  const needs = [
    { path: 'certs/vn.pem', why: 'trust' },
    { path: 'node_modules/x/build/Release/x.node', why: 'native', unpacked: true },
  ];
  const good: BuilderConfig = { files: ['certs/**', 'node_modules/**'], asarUnpack: ['node_modules/x/**'] };
  assert.deepEqual(packagingProblems(good, needs), []);
  assert.deepEqual(packagingProblems({ ...good, files: ['node_modules/**'] }, needs), ['certs/vn.pem (trust) is not in "files"']);
  assert.deepEqual(packagingProblems({ ...good, files: [...good.files!, '!**/*.node'] }, needs), ['node_modules/x/build/Release/x.node (native) is not in "files"']);
  assert.deepEqual(packagingProblems({ ...good, asarUnpack: 'node_modules/y/**' }, needs), ['node_modules/x/build/Release/x.node (native) is not in "asarUnpack"']);
});

test('what the main bundle reads from its own folder, and the external modules, are needs', (t) => {
  const root = tree(t, {
    'package.json': JSON.stringify({ main: 'dist/electron/main.mjs', dependencies: { 'better-sqlite3': '1', jpeg2000: '1' } }),
    'dist/electron/main.mjs': 'var A = fileURLToPath(new URL("../../certs/", import.meta.url));\nwin(join5(__dirname, "..", "..", "renderer", "dist"));\n// core/store/migrations.ts\n',
    'certs/vn.pem': 'x',
    'renderer/dist/index.html': 'x',
    'renderer/dist/assets/a-12345678.js': 'x',
  });
  const paths = appNeeds(root).map((n) => n.path);
  for (const p of ['package.json', 'dist/electron/main.mjs', 'certs/vn.pem', 'renderer/dist/index.html', 'renderer/dist/assets/a-12345678.js', 'node_modules/better-sqlite3/package.json', 'node_modules/smartcard/package.json']) {
    assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  }
  assert.ok(!paths.includes('core/store/migrations.ts'), 'the migrations are inside the bundle');
  assert.deepEqual(dependencyProblems(root), ['smartcard is loaded by the main bundle but is not a dependency or optional dependency']);
  assert.deepEqual(dependencyProblems(), []);
});

test('a bundled module reading next to itself (as the registry migrations do) is caught', (t) => {
  const root = tree(t, {
    'core/trust/store-folder.ts': "const d = new URL('../../certs/', import.meta.url);",
    'registry/store/migrations.ts': "const d = new URL(`./migrations/${dialect}/`, import.meta.url);",
    'registry/store/other.ts': "const d = new URL('./migrations/', import.meta.url);",
  });
  const bundle = '// core/trust/store-folder.ts\n// registry/store/migrations.ts\n// registry/store/other.ts\n';
  const problems = bundledPathProblems(bundle, root);
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0]!, /^registry\/store\/migrations\.ts: .* cannot be checked/);
  assert.match(problems[1]!, /^registry\/store\/other\.ts: '\.\/migrations\/' is registry\/store\/migrations in the source but dist\/electron\/migrations in the bundle$/);
});

test('the icons named by the configuration exist with their size in the name', (t) => {
  assert.deepEqual(iconProblems(readConfig()), []);
  const root = tree(t, { 'icons/icon.png': 'x' });
  assert.deepEqual(iconProblems({ icon: 'icons/icon.png', linux: { icon: 'missing' } }, root), ['icon icons/icon.png: the name must carry the size (e.g. 256x256.png)', 'icon missing does not exist']);
});

test('the face engine in the main bundle is named until its assets are packaged', () => {
  assert.deepEqual(unpackagedModuleProblems('// host/create-host.ts\n// core/session/session.ts\n'), []);
  const problems = unpackagedModuleProblems('// host/create-host.ts\n// face/engine.ts\n// face/node-runtime.ts\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^face\/engine\.ts, face\/node-runtime\.ts in the main bundle: package the face engine's assets/);
});
