/** English: the history screen and record export. */
import { template } from '../../define.ts';

export const uiRecords = {
  'history.search': 'Search by name, ID number or its last 4 to 6 digits',
  'history.allVerdicts': 'All verdicts',
  'history.none': 'No records',
  'history.synced': 'Synced',
  'history.pending': 'Pending',
  'history.export': 'Export',
  'history.from': 'From',
  'history.to': 'To',
  'history.previous': 'Previous',
  'history.next': 'Next',
  'history.time': 'Time',
  'history.name': 'Name',
  'history.idNumber': 'ID number',
  'history.verdict': 'Verdict',
  'history.operator': 'Operator',
  'history.detail': 'Record details',
  'history.details': 'Details',
  'history.back': 'Back to the list',
  'history.document': 'Document',
  'history.syncedAt': template({ time: 'text' }, (p) => `Synced ${p.time}`),
  'history.retainUntil': 'Personal data kept until',
  'history.purgedAt': template({ time: 'text' }, (p) => `Personal data deleted ${p.time}`),
  'history.sync': 'Sync',
};
