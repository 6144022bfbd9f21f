/** English: the supervisor's tools: first-run setup, operator accounts, trust store changes. */
import { template } from '../../define.ts';

export const uiOperators = {
  'setup.title': 'First start: create the supervisor account',
  'setup.hint': 'No operator account exists yet. The supervisor adds the clerks and manages the settings and the trust store.',
  'setup.pinAgain': 'PIN again',
  'setup.pinMismatch': 'The two PINs differ',
  'setup.action': 'Create supervisor',
  'operators.title': 'Operators',
  'operators.name': 'Name',
  'operators.role': 'Role',
  'operators.state': 'State',
  'operators.active': 'Active',
  'operators.disabled': 'Disabled',
  'operators.lockedUntil': template({ time: 'text' }, (p) => `Locked until ${p.time}`),
  'operators.add': 'Add operator',
  'operators.newPin': 'PIN (4 to 12 digits)',
  'operators.unlock': 'Unlock',
  'operators.disable': 'Disable',
  'operators.enable': 'Enable',
  'operators.resetPin': 'Set new PIN',
  'operators.done': 'Done',
  'role.clerk': 'Clerk',
  'role.supervisor': 'Supervisor',
  'trust.chooseFile': 'Choose a file',
  'trust.remove': 'Remove',
  'trust.confirmRemove': 'Confirm removal',
  'trust.removed': 'Removed from the trust store',
  'trust.demo': 'DEMO: for tests only, its keys are public',
  'trust.demoImported': template({ count: 'number' }, (p) =>
    `Warning: ${p.count} demo CSCA imported. Their private keys are public, so anything they sign is a test document, never an identity document. Remove them on a counter that serves customers.`),
};
