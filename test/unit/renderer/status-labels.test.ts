/** Every status a check can have (core/api/verification.ts) has a kiosk label in both languages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckStatus } from '../../../core/api/verification.ts';
import { statusLabel } from '../../../renderer/src/i18n.ts';

test('every check status has an English and a Vietnamese label', () => {
  for (const status of new Set(Object.values(CheckStatus).flat())) {
    for (const lang of ['en', 'vi'] as const) assert.notEqual(statusLabel(lang, status), status, `${lang} label for ${status}`);
  }
});
