/**
 * The PC/SC readers as the terminal's ReaderProvider: a live view kept by the ReaderWatcher
 * (hot-plug, card in/out, pcscd down and back) and connections through PcscTransport.
 */
import type { CardConnection, ReaderInfo, ReaderProvider } from '../core/session/readers.ts';
import type { PcscBinding } from './pcsc-binding.ts';
import { connectReader } from './pcsc-transport.ts';
import { ReaderWatcher } from './readers.ts';

export class PcscReaderProvider implements ReaderProvider {
  readonly #watcher: ReaderWatcher;
  readonly #binding: PcscBinding | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(options: { binding?: PcscBinding; waitMs?: number; retryMs?: number } = {}) {
    this.#binding = options.binding;
    this.#watcher = new ReaderWatcher(options);
    this.#watcher.on('event', () => {
      for (const l of this.#listeners) l();
    });
    this.#watcher.start();
  }

  get available(): boolean {
    return this.#watcher.serviceAvailable === true;
  }

  list(): ReaderInfo[] {
    return this.#watcher.readers().map((r) => ({ name: r.name, cardPresent: r.cardPresent, virtual: false }));
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async connect(reader: string): Promise<CardConnection> {
    const transport = await connectReader(reader, this.#binding ? { binding: this.#binding } : {});
    return { transport, close: () => transport.close() };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#watcher.stop();
  }
}
