/** English: errors of card readers: PC/SC, the binding, the card's ATR and the virtual reader bridge. */
import { template } from '../../define.ts';

export const readerErrors = {
  PCSC_UNAVAILABLE: template({ missing: ['service', 'binding'], command: 'text' }, (p) => (p.missing === 'binding'
    ? `Real card readers need the PC/SC binding (npm package smartcard), which is not installed here; to enable it, run: ${p.command}`
    : `The smart-card service (pcscd) is not running. Start it, or install the reader software (${p.command}); the terminal reconnects by itself.`)),
  PCSC_BINDING_MISSING: 'The smart-card reader component is not installed (the npm package smartcard failed to build or load). Reinstall the terminal software.',
  READER_UNAVAILABLE: 'The card reader is no longer connected. Check its USB cable and try again.',
  READER_BUSY: 'The card reader is being used by another program. Close it and try again.',
  NO_CARD: 'There is no card on the reader. Place the ID card or passport on the reader.',
  CARD_REMOVED: 'The card was taken off the reader before reading finished. Put it back and keep it still until reading completes.',
  CARD_RESET: 'The card was restarted by another program during reading. Read it again.',
  CARD_UNRESPONSIVE: 'The card does not answer. Place it flat in the middle of the reader; if it still fails, the chip may be damaged.',
  TRANSPORT_TIMEOUT: 'The card took too long to answer. Keep the card still on the reader and read it again.',
  EXTENDED_LENGTH_UNSUPPORTED: 'This reader cannot pass long (extended-length) commands; the terminal switches to short commands.',
  PCSC_ERROR: 'The card reader reported an error. Take the card off, put it back and try again.',
  ATR_MALFORMED: "The card's answer-to-reset is malformed. Take the card off and put it back.",
  VPCD_MESSAGE_TOO_LONG: template({ bytes: 'number' }, (p) => `A virtual reader message of ${p.bytes} bytes exceeds the 65535-byte limit.`),
  VPCD_UNREACHABLE: template({ address: 'text', millis: 'number' }, (p) => `The virtual reader driver did not accept the card on ${p.address} within ${p.millis} ms. Is pcscd running with vsmartcard-vpcd?`),
  VPCD_BRIDGE_STOPPED: 'This virtual card connection was shut down; create a new one.',
};
