/** English: notes a verification or an action reports beside its result (neither errors nor warnings). */
import { template } from '../../define.ts';

/** Which assumption about a CCCD's expiry opened the chip (the card prints no expiry the QR code or the clerk gives). */
export const EXPIRY_RULES = ['milestone', 'milestone-two-year', 'next-milestone', 'passed-milestone', 'no-expiry'] as const;
export type ExpiryRule = (typeof EXPIRY_RULES)[number];

const EXPIRY_RULE_TEXTS: Record<ExpiryRule, (age: number) => string> = {
  milestone: (age) => `expiry at age ${age}`,
  'milestone-two-year': (age) => `expiry at age ${age} (issued within 2 years before the previous milestone)`,
  'next-milestone': (age) => `expiry at the next milestone, age ${age}`,
  'passed-milestone': (age) => `expiry at age ${age} (the card may have expired)`,
  'no-expiry': () => 'no expiry',
};

export const notes = {
  ACCESS_KEY_ASSUMED: template({ rule: EXPIRY_RULES, age: 'number', tried: 'number', total: 'number' },
    (p) => `The chip opened with ${EXPIRY_RULE_TEXTS[p.rule](p.age)}: key ${p.tried} of ${p.total} tried.`),
  ACCESS_KEY_CAN_FROM_ID_NUMBER: template({ tried: 'number', total: 'number' },
    (p) => `The chip opened with PACE, the CAN being the last 6 digits of the ID number: key ${p.tried} of ${p.total} tried.`),
  TRUST_IMPORTED: template({ certificates: 'number', crls: 'number' }, (p) => `${p.certificates} certificate(s) and ${p.crls} CRL(s) added.`),
};
