import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './fixtures.ts';
import { defaultKeyProvider, FileKeyProvider, ProtectedKeyProvider, keyFilePath, type SecretProtector } from '../../../core/store/key-provider.ts';
import { isEidError } from '../../../core/errors.ts';

const posix = process.platform !== 'win32';

test('the key file is created once with 0600 and returns the same key afterwards', () => {
  const dir = tempDir();
  try {
    const p = new FileKeyProvider(keyFilePath(dir));
    const k1 = p.loadOrCreateKey();
    assert.equal(k1.length, 32);
    assert.deepEqual(new FileKeyProvider(keyFilePath(dir)).loadOrCreateKey(), k1);
    if (posix) assert.equal(statSync(keyFilePath(dir)).mode & 0o777, 0o600);
    assert.notEqual(join(dir, 'keys'), dir, 'the key lives in its own folder, apart from the database');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a key file others can read is refused; a damaged one is reported', { skip: !posix }, () => {
  const dir = tempDir();
  try {
    const path = keyFilePath(dir);
    new FileKeyProvider(path).loadOrCreateKey();
    chmodSync(path, 0o644);
    assert.throws(() => new FileKeyProvider(path).loadOrCreateKey(), (e) => isEidError(e, 'KEY_FILE_INSECURE'));
    writeFileSync(path, 'not a key', { mode: 0o600 });
    chmodSync(path, 0o600);
    assert.throws(() => new FileKeyProvider(path).loadOrCreateKey(), (e) => isEidError(e, 'KEY_FILE_INVALID'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Stands in for Electron's safeStorage: reversible, and visibly not plain text. */
function fakeSafeStorage(available = true): SecretProtector {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`wrapped:${Buffer.from(s).toString('base64')}`),
    decryptString: (b) => {
      const text = Buffer.from(b).toString();
      if (!text.startsWith('wrapped:')) throw new Error('cannot unwrap');
      return Buffer.from(text.slice(8), 'base64').toString();
    },
  };
}

test('an OS key protector wraps the key on disk', () => {
  const dir = tempDir();
  try {
    const provider = defaultKeyProvider(dir, fakeSafeStorage());
    assert.ok(provider instanceof ProtectedKeyProvider);
    const key = provider.loadOrCreateKey();
    const onDisk = readFileSync(join(dir, 'keys', 'store.key.protected'), 'utf8');
    assert.equal(onDisk.includes(Buffer.from(key).toString('hex').toUpperCase()), false);
    assert.deepEqual(defaultKeyProvider(dir, fakeSafeStorage()).loadOrCreateKey(), key);
    assert.equal(existsSync(keyFilePath(dir)), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a working protector the plain key file is used, and an existing key file keeps being used', () => {
  const dir = tempDir();
  try {
    assert.ok(defaultKeyProvider(dir, fakeSafeStorage(false)) instanceof FileKeyProvider);
    const key = defaultKeyProvider(dir).loadOrCreateKey();
    const later = defaultKeyProvider(dir, fakeSafeStorage());
    assert.ok(later instanceof FileKeyProvider);
    assert.deepEqual(later.loadOrCreateKey(), key);
    assert.throws(() => new ProtectedKeyProvider(join(dir, 'x'), fakeSafeStorage(false)).loadOrCreateKey(), (e) => isEidError(e, 'KEY_PROTECTION_UNAVAILABLE'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
