/**
 * The English catalogue: it defines every code and key (ErrorCode, WarningCode, NoteCode, UiKey)
 * and each message's parameters; every other language translates exactly these.
 */
import { dataErrors } from './errors-data.ts';
import { emrtdErrors } from './errors-emrtd.ts';
import { documentErrors } from './errors-documents.ts';
import { trustErrors } from './errors-trust.ts';
import { storeErrors } from './errors-store.ts';
import { secretsErrors } from './errors-secrets.ts';
import { terminalErrors } from './errors-terminal.ts';
import { syncErrors } from './errors-sync.ts';
import { readerErrors } from './errors-readers.ts';
import { toolErrors } from './errors-tools.ts';
import { integrationErrors } from './errors-integration.ts';
import { warnings } from './warnings.ts';
import { reasons } from './reasons.ts';
import { notes } from './notes.ts';
import { uiCommon } from './ui-common.ts';
import { uiVerify } from './ui-verify.ts';
import { uiResult } from './ui-result.ts';
import { uiRecords } from './ui-records.ts';
import { uiSettings } from './ui-settings.ts';
import { uiSamples } from './ui-samples.ts';
import { uiOperators } from './ui-operators.ts';
import { uiProfiles } from './ui-profiles.ts';
import { uiExport } from './ui-export.ts';
import { uiFace } from './ui-face.ts';
import { uiIntegration } from './ui-integration.ts';

/** The area files by kind, named as their files: a key is defined in exactly one of them (a unit test checks). */
export const areas = {
  errors: {
    'errors-data': dataErrors, 'errors-emrtd': emrtdErrors, 'errors-documents': documentErrors, 'errors-trust': trustErrors,
    'errors-store': storeErrors, 'errors-secrets': secretsErrors, 'errors-terminal': terminalErrors, 'errors-sync': syncErrors, 'errors-readers': readerErrors,
    'errors-tools': toolErrors, 'errors-integration': integrationErrors,
  },
  warnings: { warnings },
  reasons: { reasons },
  notes: { notes },
  ui: { 'ui-common': uiCommon, 'ui-verify': uiVerify, 'ui-result': uiResult, 'ui-records': uiRecords, 'ui-settings': uiSettings, 'ui-samples': uiSamples, 'ui-operators': uiOperators, 'ui-profiles': uiProfiles, 'ui-export': uiExport, 'ui-face': uiFace, 'ui-integration': uiIntegration },
};

export const en = {
  errors: { ...dataErrors, ...emrtdErrors, ...documentErrors, ...trustErrors, ...storeErrors, ...secretsErrors, ...terminalErrors, ...syncErrors, ...readerErrors, ...toolErrors, ...integrationErrors },
  warnings: { ...warnings },
  reasons: { ...reasons },
  notes: { ...notes },
  ui: { ...uiCommon, ...uiVerify, ...uiResult, ...uiRecords, ...uiSettings, ...uiSamples, ...uiOperators, ...uiProfiles, ...uiExport, ...uiFace, ...uiIntegration },
};
