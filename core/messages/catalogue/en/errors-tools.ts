/** English: errors of the command line and of face matching. */
import { template } from '../../define.ts';

export const toolErrors = {
  USAGE: 'The command is not complete or not right; see --help',
  ELECTRON_BUILD_FAILED: 'The Electron bundles could not be built (npm run build shows why)',
  PIN_REQUIRED: template({ fileOption: 'text', env: 'text' }, (p) => `A PIN is needed: type it at the prompt, or give ${p.fileOption} FILE or ${p.env}`),
  PIN_NOT_GIVEN: 'No PIN was given',
  SUPERVISOR_PIN_IN_ARGUMENT: template(
    { fileOption: 'text', env: 'text' },
    (p) => `--supervisor takes a name only: a PIN on the command line is seen by every user of this computer. Give --supervisor NAME and type the PIN at the prompt, or put it in ${p.fileOption} FILE (readable by you only) or ${p.env}`,
  ),
  FILE_UNREADABLE: template({ option: 'text' }, (p) => `${p.option}: the file cannot be read`),
  FACE_NOT_FOUND: 'No face was found in the image',
  FACE_MULTIPLE: template({ count: 'number' }, (p) => `${p.count} faces were found in the image; exactly one is needed`),
  IMAGE_UNREADABLE: 'The image cannot be read',
  FACE_REFERENCE_MISSING: 'There is no reference face',
  FACE_ENGINE_UNAVAILABLE: 'The face engine cannot start',
};
