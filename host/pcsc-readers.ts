/**
 * The PC/SC reader provider when this machine can load the binding; none otherwise, so the
 * terminal still starts (with the virtual reader) and says in its status that PC/SC is missing.
 */
import { isEidError } from '../core/errors.ts';
import type { ReaderProvider } from '../core/session/readers.ts';

export async function pcscReaders(): Promise<ReaderProvider[]> {
  const { nativePcscBinding } = await import('../native/pcsc-binding.ts');
  try {
    nativePcscBinding();
  } catch (e) {
    if (isEidError(e, 'PCSC_UNAVAILABLE')) {
      console.error(`PC/SC: ${e.message}`);
      return [];
    }
    throw e;
  }
  const { PcscReaderProvider } = await import('../native/pcsc-reader-provider.ts');
  return [new PcscReaderProvider()];
}
