/**
 * Readers that need special treatment, in one table. Matched on the PC/SC reader name, which
 * pcsc-lite builds from the USB product string ("ACS ACR1252 Dual Reader [ACR1252 Dual Reader
 * PICC] 00 00"). Add a row when a field report shows a reader misbehaving; cite the report.
 */
export interface ReaderQuirk {
  /** Matched against the reader name. */
  readonly match: RegExp;
  /** false: never send extended-length APDUs to this reader. */
  readonly extendedLength?: false;
  /** Largest response data (without SW) worth asking for in one APDU. */
  readonly maxResponseLength?: number;
  readonly reason: string;
}

export const READER_QUIRKS: readonly ReaderQuirk[] = [
  {
    match: /\bACR122/i,
    extendedLength: false,
    maxResponseLength: 256,
    reason: 'PN532-based: frames are capped near 262 bytes, extended APDUs are dropped',
  },
  {
    match: /\bACR1252/i,
    extendedLength: false,
    reason: 'CCID firmware drops extended APDUs (LudovicRousseau/PCSC#54)',
  },
  {
    match: /\bACR1281/i,
    extendedLength: false,
    reason: 'extended APDU "command not sent", SCARD_E_NOT_TRANSACTED 0x80100016 (acsccid#42)',
  },
];

/** The combined quirks for a reader: later rows refine earlier ones; undefined when none apply. */
export function quirksFor(readerName: string, table: readonly ReaderQuirk[] = READER_QUIRKS): ReaderQuirk | undefined {
  const rows = table.filter((q) => q.match.test(readerName));
  if (rows.length === 0) return undefined;
  return rows.reduce((acc, q) => ({ ...acc, ...q, reason: `${acc.reason}; ${q.reason}` }));
}
