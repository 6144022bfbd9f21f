/**
 * An opened chip whose secure channel may be lost without the card leaving the field: RU
 * passports drop secure messaging when they refuse an Le, another program (or Windows after an
 * idle transaction) resets the card, a chip answers 6987/6988 once its SSC no longer matches.
 * Then access control runs again with the key that opened the chip, the file that was selected
 * is selected again, and the command goes once more: reading continues where it stopped. At most
 * `maxReopens` times per session; after that the error stands.
 *
 * Files read across a reopen are still checked against the SOD like any other; the chip proof
 * runs on the session that holds at its end.
 */
import { isEidError } from '../../errors.ts';
import type { ErrorCode } from '../../messages/catalogue.ts';
import type { RandomSource } from '../../crypto/ec/index.ts';
import type { AccessKey } from '../../mrz/index.ts';
import { parseCommand, parseResponse } from '../apdu/apdu.ts';
import { SW } from '../apdu/status-words.ts';
import type { Transport, TransportCapabilities } from '../apdu/transport.ts';
import { openChip, type OpenedChip } from './open-chip.ts';

/** Errors that mean the chip forgot the session while the card stayed on the reader. */
export const SESSION_LOST_ERRORS: ReadonlySet<ErrorCode> = new Set(['CARD_RESET', 'SM_SESSION_LOST', 'SM_REJECTED_BY_CHIP']);
/** Enough for an Le step-down that costs the session at every step (RU: 223 → 192 → 160 → 128) and a reset or two. */
export const DEFAULT_MAX_REOPENS = 6;

function sessionLost(e: unknown): boolean {
  return isEidError(e) && SESSION_LOST_ERRORS.has(e.code);
}

/** Runs `attempt` (opening the chip) again when the card was reset or dropped the session meanwhile. */
export async function againWhenSessionLost<T>(attempt: () => Promise<T>, tries = DEFAULT_MAX_REOPENS): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!sessionLost(e) || n >= tries) throw e;
    }
  }
}

/** The same chip opened again: the protocol that worked, without reading EF.CardAccess twice. */
export function reopenChip(transport: Transport, key: AccessKey, first: OpenedChip, random?: RandomSource): () => Promise<OpenedChip> {
  const how = first.method === 'BAC' ? { bacOnly: true } : { cardAccess: first.cardAccess };
  return () => openChip(transport, key, { ...how, ...(random && { random }) });
}

/** SELECT of an EF (not of an application by AID): what must be selected again after a reopen. */
function selectsFile(command: Uint8Array): boolean {
  try {
    const cmd = parseCommand(command);
    return cmd.ins === 0xa4 && cmd.p1 !== 0x04;
  } catch {
    return false;
  }
}

export class ResumingSession implements Transport {
  private opened: OpenedChip;
  private reopened = 0;
  /** The last SELECT EF that succeeded, replayed after a reopen. */
  private selection: Uint8Array | undefined;

  constructor(opened: OpenedChip, private readonly reopen: () => Promise<OpenedChip>, private readonly maxReopens = DEFAULT_MAX_REOPENS) {
    this.opened = opened;
  }

  /** The chip as currently opened (after a reopen: new session keys, new PACE result). */
  get current(): OpenedChip {
    return this.opened;
  }

  /** How many times access control was done again. */
  get reopens(): number {
    return this.reopened;
  }

  get capabilities(): TransportCapabilities | undefined {
    return this.opened.transport.capabilities;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    const selecting = selectsFile(command);
    let reselect = false;
    for (;;) {
      try {
        if (reselect && this.selection && !selecting) await this.opened.transport.transmit(this.selection);
        const response = await this.opened.transport.transmit(command);
        if (selecting && parseResponse(response).sw === SW.OK) this.selection = command;
        return response;
      } catch (e) {
        await this.resumeAfter(e);
        reselect = true;
      }
    }
  }

  /** Runs a step over the opened chip (the chip proof); after a lost session, on the reopened one. */
  async run<T>(step: (opened: OpenedChip) => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await step(this.opened);
      } catch (e) {
        await this.resumeAfter(e);
      }
    }
  }

  private async resumeAfter(error: unknown): Promise<void> {
    for (;;) {
      if (!sessionLost(error) || this.reopened >= this.maxReopens) throw error;
      this.reopened++;
      try {
        this.opened = await this.reopen();
        return;
      } catch (e) {
        error = e; // a reset during the reopen itself counts against the same budget
      }
    }
  }
}
