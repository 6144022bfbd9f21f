/**
 * Issue 15, row 17: settings are checked against the schema in core/store/settings.ts. A
 * misspelt key (`purpose` for `purposeProfile`) is an error naming the keys there are, not a
 * silent "foo set"; values are validated; and the listing shows settings, not sync secrets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { main } from '../../cli/main.ts';
import { openStore } from '../../core/store/store.ts';
import { isEidError } from '../../core/errors.ts';
import { tempDir, tempStore } from '../unit/store/fixtures.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

test('row 17: `records settings foo bar` is refused with the list of known settings; nothing is stored', async () => {
  const dir = tempDir();
  try {
    for (const key of ['foo', 'purpose', 'terminalId', 'sync.identity']) {
      const { code, err } = await captureOutput(() => main(['records', 'settings', key, 'bank', '--data-dir', dir]));
      assert.equal(code, 2, key);
      assert.match(err, /SETTING_UNKNOWN/);
      assert.match(err, /purposeProfile/);
      assert.match(err, /terminalName/);
    }
    const store = openStore({ dataDir: dir });
    try {
      assert.equal(store.settings.get('foo'), undefined);
      assert.equal(store.settings.get('purpose'), undefined);
      assert.doesNotThrow(() => store.changeSetting(null, 'purposeProfile', 'hospital'));
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 17: values are checked: a language, a reader or a name with control characters is refused', () => {
  const t = tempStore();
  try {
    const bad = (key: string, value: string) => assert.throws(() => t.store.changeSetting(null, key, value), (e) => isEidError(e, 'SETTING_INVALID'), `${key}=${JSON.stringify(value)}`);
    bad('language', 'fr');
    bad('terminalName', 'Quầy 1\u001b[2J');
    bad('reader', 'ACS\r\nfake');
    bad('operatorMaxFailures', 'many');
    t.store.changeSetting(null, 'reader', '');
    t.store.changeSetting(null, 'terminalName', 'Quầy 1');
    assert.equal(t.store.settings.get('terminalName'), 'Quầy 1');
  } finally {
    t.cleanup();
  }
});

test('row 17: `records settings` lists the settings, never the sync state (the terminal key, the trust list)', async () => {
  const dir = tempDir();
  try {
    const store = openStore({ dataDir: dir });
    store.kv.set('sync.identity', '{"privateKey":"SECRET-KEY-MATERIAL"}');
    store.close();
    const { code, out } = await captureOutput(() => main(['records', 'settings', '--json', '--data-dir', dir]));
    assert.equal(code, 0);
    assert.doesNotMatch(out, /SECRET-KEY-MATERIAL|sync\.identity/);
    assert.ok('terminalId' in (JSON.parse(out) as Record<string, string>));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
