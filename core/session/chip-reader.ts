/** The session's card reader for a real or virtual chip: connect, read the card, disconnect. */
import type { AccessKey } from '../api/terminal-api.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import type { TrustStore } from '../trust/store.ts';
import { readCard } from './read-card.ts';
import type { CardConnection } from './readers.ts';
import type { CardReader } from './types.ts';

export interface ChipReaderOptions {
  /** What the document is verified against. */
  readonly trust: TrustStore;
  readonly now?: Date;
  readonly random?: RandomSource;
}

export function chipReader(connect: () => Promise<CardConnection>, options: ChipReaderOptions): CardReader<AccessKey> {
  return async (key, progress, signal) => {
    const connection = await connect();
    try {
      return await readCard(connection.transport, key, { ...options, onProgress: progress, signal });
    } finally {
      await connection.close();
    }
  };
}
