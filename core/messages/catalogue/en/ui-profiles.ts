/** English: what a purpose profile shows of the holder, and the history's masked ID numbers. */
import { template } from '../../define.ts';

export const uiProfiles = {
  'field.age': 'Age',
  'field.ageYears': template({ years: 'number' }, (p) => `${p.years} years`),
  'field.face': 'Photo',
  'settings.displayFields': 'Shown on the result screen',
  'settings.displayDefault': "The profile's default",
};
