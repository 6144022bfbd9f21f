/** English: the history screen and record export. */

export const uiRecords = {
  'history.search': 'Search by ID number or name',
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
  'history.sync': 'Sync',
};
