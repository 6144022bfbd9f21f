/** Every status a check can have (core/api/verification.ts) has a kiosk label in the catalogue. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckStatus } from '../../../core/api/verification.ts';
import { LANGUAGES, isUiKey } from '../../../core/messages/catalogue.ts';
import { render } from '../../../core/messages/render.ts';

test('every check status has a label in every language', () => {
  for (const status of new Set(Object.values(CheckStatus).flat())) {
    const key = `checkStatus.${status}`;
    assert.ok(isUiKey(key), `${key} is a UI key of the catalogue`);
    for (const lang of LANGUAGES) assert.notEqual(render(lang, { code: key }), key, `${lang} label for ${status}`);
  }
});
