/**
 * `eid-terminal face compare (--reference FILE | --dump DIR) --probe FILE [--json]`:
 * compares the face in a probe picture with a reference picture or a dump's DG2 face, on this
 * machine, with no network. Exit 0 MATCH, 1 NO_MATCH or UNCERTAIN, 2 error (each with its own code).
 * Nothing about the faces is written anywhere; only the decision is printed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { EidError } from '../../core/errors.ts';
import { readDumpFolder } from '../../core/trust/dump-folder.ts';
import { uncertainFrom } from '../../face/decision.ts';
import { dg2ReferenceImage } from '../../face/dg2-reference.ts';
import { referenceMissing } from '../../face/errors.ts';
import { usageError } from '../output.ts';
import { createNodeFaceEngine } from '../../face/node-runtime.ts';
import { print, printJson } from '../output.ts';

const HELP = `Usage: eid-terminal face compare (--reference FILE | --dump DIR) --probe FILE [--json]

Compares the face in the probe picture with the reference face, on this machine (no network):
the reference is a picture file (JPEG, PNG, WebP or JPEG 2000) or the DG2 face of a dump folder.
Each picture must show exactly one face. Prints the decision, the similarity score, the threshold,
the active liveness result (NOT_PERFORMED: it needs a camera sequence, not two pictures), the
model and the time taken. Nothing about either face is stored or logged.

  --reference FILE   the reference picture
  --dump DIR         take the reference from this dump folder's DG2 instead
  --probe FILE       the picture to compare
  --json             print exactly one JSON object

Exit status: 0 MATCH, 1 NO_MATCH or UNCERTAIN, 2 error (FACE_NOT_FOUND, FACE_MULTIPLE,
IMAGE_UNREADABLE, FACE_REFERENCE_MISSING, ...).`;

function readPicture(option: string, path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new EidError('FILE_UNREADABLE', { option });
  }
}

function referenceBytes(values: { reference?: string; dump?: string }): Uint8Array {
  if (values.reference) return readPicture('--reference', values.reference);
  const dg2 = readDumpFolder(values.dump!).get('DG2');
  if (!dg2) throw referenceMissing('the dump folder has no DG2');
  return dg2ReferenceImage(dg2);
}

export const command: Command = {
  summary: 'compare a face picture with a reference picture or a dump\'s DG2 face (on the device)',
  async run(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: {
        reference: { type: 'string' },
        dump: { type: 'string' },
        probe: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      print(HELP);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== 'compare') throw usageError('the only subcommand is `face compare`');
    if (Boolean(values.reference) === Boolean(values.dump)) throw usageError('give exactly one of --reference FILE and --dump DIR');
    if (!values.probe) throw usageError('--probe FILE is required');
    const reference = referenceBytes(values);
    const probe = readPicture('--probe', values.probe);

    const started = performance.now();
    const engine = await createNodeFaceEngine();
    const referenceDescriptor = await engine.reference(reference, (bytes) => bytes);
    const comparison = engine.compare(referenceDescriptor, (await engine.describe(probe)).descriptor);
    const result = { decision: comparison.decision, score: comparison.score, threshold: comparison.threshold, liveness: 'NOT_PERFORMED', model: comparison.model, millis: Math.round(performance.now() - started) };
    if (values.json) printJson(result);
    else {
      print(`Decision:  ${result.decision}`);
      print(`Score:     ${result.score} (MATCH at ${result.threshold} or above, UNCERTAIN from ${uncertainFrom(engine.policy)})`);
      print('Liveness:  NOT_PERFORMED (two pictures; the active check needs the camera)');
      print(`Model:     ${result.model}`);
      print(`Time:      ${result.millis} ms (model load included)`);
    }
    return result.decision === 'MATCH' ? 0 : 1;
  },
};
