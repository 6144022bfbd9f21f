/**
 * The virtual chip of `bench/_terminal-cpu.ts`, in its own process so that its CPU is not the
 * terminal's. Builds the asked document (the RSA keys of the demo PKI are per process, so the
 * terminal gets the trust anchors from here), answers APDUs, and reports its own CPU time.
 */
import { buildDocument } from '../core/chip/factory/build-document.ts';
import { VirtualChip } from '../core/chip/virtual-chip.ts';
import { isEidError } from '../core/errors.ts';
import type { ChipRequest, ChipReply } from './_terminal-cpu.ts';

let chip: VirtualChip | undefined;
const reply = (m: ChipReply): void => {
  process.send!(m);
};

process.on('message', (m: ChipRequest) => {
  void handle(m).catch((e: unknown) => reply({ type: 'error', id: m.id, message: isEidError(e) ? e.code : e instanceof Error ? e.message : String(e) }));
});
process.on('disconnect', () => process.exit(0));

async function handle(m: ChipRequest): Promise<void> {
  if (m.type === 'insert') {
    const { profile, variant, largeFace, chip: options } = m.spec;
    const doc = buildDocument(profile, variant ?? null, largeFace ? { largeFace } : {});
    chip = new VirtualChip(doc, options ?? {});
    reply({ type: 'inserted', id: m.id, card: { idNumber: doc.holder.idNumber, mrz: doc.access.mrz, trust: [...doc.trust.cscas, ...doc.trust.crls] } });
  } else if (m.type === 'apdu') {
    if (!chip) throw new Error('no card inserted');
    reply({ type: 'answer', id: m.id, data: await chip.transmit(m.data) });
  } else {
    const used = process.cpuUsage();
    reply({ type: 'cpu', id: m.id, millis: (used.user + used.system) / 1000 });
  }
}
