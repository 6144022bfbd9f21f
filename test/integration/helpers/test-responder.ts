/**
 * A tiny card for transport tests (not an eMRTD): SELECT answers 9000, INS 'EE' echoes its data,
 * READ BINARY returns Ne bytes of a known pattern (so 1000 or 65536 bytes for an extended Le),
 * and INS 'D0' answers after `delayMs` (to test timeouts and removal mid-command).
 */
import type { ApduResponder } from '../../../core/emrtd/apdu/transport.ts';
import { parseCommand } from '../../../core/emrtd/apdu/apdu.ts';

export const TEST_ATR = Uint8Array.from([0x3b, 0x80, 0x80, 0x01, 0x01]);

export interface TestResponder extends ApduResponder {
  resets: number;
  commands: number;
  /** Called when a slow command (INS D0) starts, before it answers. */
  onSlowCommand?: () => void;
}

export function patternBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 7 + 3) & 0xff;
  return out;
}

export function createTestResponder(delayMs = 2000): TestResponder {
  const responder: TestResponder = {
    resets: 0,
    commands: 0,
    atr: () => TEST_ATR,
    reset() {
      responder.resets++;
    },
    async transmit(raw) {
      responder.commands++;
      const command = parseCommand(raw);
      switch (command.ins) {
        case 0xa4:
          return Uint8Array.of(0x90, 0x00);
        case 0xee:
          return Uint8Array.from([...command.data, 0x90, 0x00]);
        case 0xb0:
          return Uint8Array.from([...patternBytes(command.ne ?? 256), 0x90, 0x00]);
        case 0xd0:
          responder.onSlowCommand?.();
          await new Promise((r) => setTimeout(r, delayMs));
          return Uint8Array.of(0x90, 0x00);
        default:
          return Uint8Array.of(0x6d, 0x00);
      }
    },
  };
  return responder;
}
