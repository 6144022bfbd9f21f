/**
 * Sending one command APDU over a Transport and getting its whole answer: T=0 style '61xx'
 * (more bytes waiting: GET RESPONSE) is chained at the raw level, '6Cxx' (wrong Le: re-send with
 * Le = xx) is retried once at the command level so it also works over secure messaging.
 */
import { EidError } from '../../errors.ts';
import { concat } from '../../bytes/bytes.ts';
import type { Transport } from './transport.ts';
import { encodeCommand, encodeResponse, parseResponse, type CommandApdu, type ResponseApdu } from './apdu.ts';
import { SW, SW1_BYTES_REMAINING, SW1_WRONG_LE, chipStatusError } from './status-words.ts';

/** GET RESPONSE rounds allowed for one command; a chip asking for more is misbehaving. */
const MAX_GET_RESPONSE_ROUNDS = 300;

/** Transmits raw bytes and collects '61xx' continuations into one response (data + final SW). */
export async function transmitChained(transport: Transport, command: Uint8Array): Promise<Uint8Array> {
  let raw = await transport.transmit(command);
  let response = parseResponse(raw);
  if (response.sw >> 8 !== SW1_BYTES_REMAINING) return raw;
  const parts: Uint8Array[] = [response.data];
  for (let round = 0; response.sw >> 8 === SW1_BYTES_REMAINING; round++) {
    if (round >= MAX_GET_RESPONSE_ROUNDS) {
      throw new EidError('RESPONSE_TOO_LONG');
    }
    const ne = response.sw & 0xff || 256;
    raw = await transport.transmit(encodeCommand({ cla: 0x00, ins: 0xc0, p1: 0, p2: 0, ne }));
    response = parseResponse(raw);
    parts.push(response.data);
  }
  return encodeResponse(concat(...parts), response.sw);
}

/** Sends a command and returns its response; re-sends once with the Le the chip asks for on 6Cxx. */
export async function sendCommand(transport: Transport, cmd: CommandApdu): Promise<ResponseApdu> {
  let response = parseResponse(await transmitChained(transport, encodeCommand(cmd)));
  if (response.sw >> 8 === SW1_WRONG_LE) {
    const ne = response.sw & 0xff || 256;
    response = parseResponse(await transmitChained(transport, encodeCommand({ ...cmd, ne })));
  }
  return { data: response.data.slice(), sw: response.sw };
}

/** Sends a command that must answer 9000; any other status becomes a typed ChipStatusError. */
export async function sendExpectingOk(transport: Transport, cmd: CommandApdu, what: string): Promise<Uint8Array> {
  const response = await sendCommand(transport, cmd);
  if (response.sw !== SW.OK) throw chipStatusError(response.sw, what);
  return response.data;
}
