/** The document as the result screen is given it: only the holder values the profile shows. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayedDocument, shows } from '../../../core/api/display-fields.ts';
import { ALICE, vnResult } from '../../../fixtures/verification-results.ts';

const card = vnResult(ALICE).document!;
const passport = { ...card, documentCode: 'P', vn: null, personalNumber: null };

test('a passport shows its number wherever the profile shows the ID number', () => {
  const doc = displayedDocument(passport, ['fullName', 'idNumber']);
  assert.equal(doc.documentNumber, card.documentNumber);
  assert.equal(doc.surname, card.surname);
  assert.equal(doc.dateOfBirth, '', 'the birth date is not shown');
  assert.equal(doc.mrz, '', 'the MRZ never is');
  assert.equal(shows(['fullName'], 'sex', false), false);
  assert.equal(shows(['fullName'], 'issuingState', false), true, 'not about the holder');
});

test('a Vietnamese card keeps only the DG13 fields shown', () => {
  const doc = displayedDocument(card, ['fullName', 'idNumber', 'face']);
  assert.equal(doc.vn!.fullName, ALICE.fullName);
  assert.equal(doc.vn!.idNumber, ALICE.idNumber);
  assert.deepEqual(Object.entries(doc.vn!).filter(([k, v]) => v !== null && k !== 'fullName' && k !== 'idNumber'), []);
});
