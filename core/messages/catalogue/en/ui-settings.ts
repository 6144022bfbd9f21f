/** English: the settings screen, the trust store panel and the purpose profiles. */
import { template } from '../../define.ts';

export const uiSettings = {
  'settings.supervisorRequired': 'A supervisor is required',
  'settings.save': 'Save',
  'settings.saved': 'Saved',
  'settings.terminalName': 'Terminal name',
  'settings.purpose': 'Purpose profile',
  'settings.language': 'Language',
  'settings.reader': 'Reader',
  'settings.anyReader': 'Automatic',
  'settings.registryUrl': 'Registry URL',
  'settings.enrolCode': 'Enrolment code',
  'settings.enrol': 'Enrol terminal',
  'settings.resultClearSeconds': 'Clear the result after (seconds)',
  'settings.idleSignOutMinutes': 'Sign the clerk out after no activity for (minutes)',
  'settings.enrolled': template({ terminalId: 'text' }, (p) => `Enrolled as ${p.terminalId}`),
  'trust.title': 'Trusted CSCA certificates',
  'trust.import': 'Import master list / certificate',
  'purpose.bank': 'Bank counter: customer identification (KYC), kept 5 years',
  'purpose.hospital': 'Hospital reception: patient registration, kept 1 year',
  'purpose.government': 'Government office: administrative procedures, kept 2 years',
  'purpose.minimal': 'Verification only: ID number kept 90 days',
};
