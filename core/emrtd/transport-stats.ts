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
  readonly capabilities: TransportCapabilities | undefined;

  constructor(private readonly inner: Transport) {
    this.capabilities = inner.capabilities;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    this.stats.apdus++;
    this.stats.bytesSent += command.length;
    const response = await this.inner.transmit(command);
    this.stats.bytesReceived += response.length;
    return response;
  }
}
