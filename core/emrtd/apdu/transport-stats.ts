/**
 * A Transport decorator that counts what crosses it (APDUs, bytes each way), for the
 * verification result's stats and for benchmarks. Counts only; never records the bytes.
 */
import type { Transport, TransportCapabilities } from './transport.ts';

export interface TransportStats {
  apdus: number;
  bytesSent: number;
  bytesReceived: number;
}

export class CountingTransport implements Transport {
  readonly stats: TransportStats = { apdus: 0, bytesSent: 0, bytesReceived: 0 };

  constructor(private readonly inner: Transport) {}

  /** The inner transport's, read live: readers learn what passes as they go. */
  get capabilities(): TransportCapabilities | undefined {
    return this.inner.capabilities;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    this.stats.apdus++;
    this.stats.bytesSent += command.length;
    const response = await this.inner.transmit(command);
    this.stats.bytesReceived += response.length;
    return response;
  }
}
