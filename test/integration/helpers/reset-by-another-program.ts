/**
 * Fault mode of a real PC/SC reader: another program resets the card mid-session, as a second
 * application calling SCardReconnect(SCARD_RESET_CARD) does, or Windows after an idle transaction.
 * Wraps the terminal's transport; before APDU number `beforeApdu` (1-based) a second PC/SC
 * context connects to the same reader and resets the card, so pcscd answers the terminal's next
 * command with SCARD_W_RESET_CARD. Not a test file itself.
 */
import type { Transport } from '../../../core/emrtd/apdu/transport.ts';
import { nativePcscBinding } from '../../../native/pcsc-binding.ts';

export function resetByAnotherProgram(transport: Transport, reader: string, beforeApdu: number): Transport & { readonly resets: number } {
  let sent = 0;
  let resets = 0;
  return {
    get capabilities() {
      return transport.capabilities;
    },
    get resets() {
      return resets;
    },
    async transmit(command) {
      if (++sent === beforeApdu) {
        const other = nativePcscBinding().establishContext();
        try {
          const card = await other.connect(reader);
          await card.disconnect(true);
          resets++;
        } finally {
          other.close();
        }
      }
      return transport.transmit(command);
    },
  };
}
