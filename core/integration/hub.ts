/**
 * The integration API's logic, apart from its transport (integration/ serves it over HTTP and
 * WebSocket): one subscription to the terminal's session events, turned into the API's events
 * with one growing `seq`, each sent to the connected clients entitled to it, in order, once;
 * verification requests; status; the results of recent verifications. Every delivery of personal
 * fields is written to the audit log (client, record, fields).
 */
import type { IntegrationClient } from '../api/integration-clients.ts';
import type { SessionEvent, TerminalEvent } from '../api/terminal-api.ts';
import { EidError } from '../errors.ts';
import { integrationActor } from '../store/integration-clients.ts';
import type { Store } from '../store/store.ts';
import { loadIdentity } from '../sync/identity.ts';
import { terminalName } from '../terminal/settings-api.ts';
import type { Terminal } from '../terminal/terminal.ts';
import { completedEvent } from './completed-event.ts';
import type { z } from 'zod';
import type { IntegrationEvent, IntegrationStatusSchema, PendingResultSchema, VerificationAcceptedSchema, VerificationCompleted, VerificationRequestInput } from './messages.ts';

export type IntegrationTerminal = Pick<Terminal, 'subscribe' | 'getStatus' | 'requestVerification' | 'requestOf'>;

export interface Connection {
  readonly clientId: string;
  send(event: IntegrationEvent): void;
  /** The client was revoked (or lost the scope): close the connection. */
  close(reason: string): void;
}

interface Tracked {
  phase: 'started' | 'completed';
  readonly requestId: string | null;
  readonly requestedBy: string | null;
  readonly purpose: string;
  readonly startedAt: string;
}

interface Requested {
  readonly requestedBy: string;
  readonly expectedIdNumber: string | undefined;
  sessionId: string | null;
}

/** Sessions, requests and results remembered; older ones are forgotten first. */
const REMEMBER = 500;
const FINAL = new Set(['done', 'error', 'cancelled']);

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.set(key, value);
  while (map.size > REMEMBER) map.delete(map.keys().next().value as K);
}

/** May this client see this event? Results for `results`, its own requests' for `request`, readers for `status`. */
export function entitled(client: IntegrationClient, event: IntegrationEvent, requestedBy: string | null): boolean {
  if (event.type === 'reader.changed') return client.scopes.includes('status');
  return client.scopes.includes('results') || (client.scopes.includes('request') && requestedBy === client.id);
}

export function forbidden(scope: string): EidError {
  return new EidError('SCOPE_MISSING', { scope });
}

export class IntegrationHub {
  readonly #terminal: IntegrationTerminal;
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #connections = new Set<Connection>();
  readonly #sessions = new Map<string, Tracked>();
  readonly #requests = new Map<string, Requested>();
  readonly #results = new Map<string, { data: VerificationCompleted; requestedBy: string | null }>();
  #seq = 0;
  #readers = '';
  #queue: Promise<void> = Promise.resolve();
  #replaying = false;
  #unsubscribe: (() => void) | null = null;

  constructor(terminal: IntegrationTerminal, store: Store, now: () => Date = () => new Date()) {
    this.#terminal = terminal;
    this.#store = store;
    this.#now = now;
  }

  async start(): Promise<void> {
    this.#readers = JSON.stringify((await this.#terminal.getStatus()).readers);
    // The replay of where each reader stands happened before this API was up: it is not news.
    this.#replaying = true;
    this.#unsubscribe = this.#terminal.subscribe((e) => this.#onTerminalEvent(e));
    this.#replaying = false;
  }

  /** Waits until every event so far has been sent. */
  settled(): Promise<void> {
    return this.#queue;
  }

  stop(): void {
    this.#unsubscribe?.();
    for (const c of this.#connections) c.close('stopping');
    this.#connections.clear();
  }

  /** Closes at once the connections of clients revoked since they connected (not only at the next event). */
  disconnectRevoked(): void {
    for (const connection of [...this.#connections]) {
      if (this.#store.integrationClients.active(connection.clientId)) continue;
      this.#connections.delete(connection);
      connection.close('revoked');
    }
  }

  attach(connection: Connection): { seq: number; detach: () => void } {
    this.#connections.add(connection);
    return { seq: this.#seq, detach: () => this.#connections.delete(connection) };
  }

  async status(client: IntegrationClient): Promise<z.infer<typeof IntegrationStatusSchema>> {
    if (!client.scopes.includes('status')) throw forbidden('status');
    const status = await this.#terminal.getStatus();
    return {
      terminalName: terminalName(this.#store),
      terminalId: loadIdentity(this.#store.kv)?.terminalId ?? null,
      readers: status.readers,
      operatorSignedIn: status.operator !== null || !status.signInRequired,
      purpose: this.#store.profile().name,
      signedResults: loadIdentity(this.#store.kv) !== undefined,
    };
  }

  async request(client: IntegrationClient, input: VerificationRequestInput): Promise<z.infer<typeof VerificationAcceptedSchema>> {
    if (!client.scopes.includes('request')) throw forbidden('request');
    const { requestId, sessionId } = await this.#terminal.requestVerification({ purpose: input.purpose, requestedBy: client.id, reader: input.reader ?? null, ...(input.key && { key: input.key }) });
    remember(this.#requests, requestId, { requestedBy: client.id, expectedIdNumber: input.expectedIdNumber, sessionId });
    return { requestId, id: sessionId, state: sessionId ? 'reading' : 'waiting-for-card' };
  }

  /** A recent verification's result by its id or its request's id; pending while it runs. */
  result(client: IntegrationClient, id: string): VerificationCompleted | z.infer<typeof PendingResultSchema> | undefined {
    const requested = this.#requests.get(id);
    const sessionId = requested ? requested.sessionId : id;
    const stored = sessionId ? this.#results.get(sessionId) : undefined;
    const requestedBy = stored?.requestedBy ?? requested?.requestedBy ?? (sessionId ? this.#sessions.get(sessionId)?.requestedBy : null) ?? null;
    if (!client.scopes.includes('results') && !(client.scopes.includes('request') && requestedBy === client.id)) return undefined;
    if (stored) {
      this.#audit([client], stored.data);
      return stored.data;
    }
    if (requested || (sessionId && this.#sessions.has(sessionId))) {
      return { requestId: requested ? id : null, id: sessionId, state: sessionId ? 'reading' : 'waiting-for-card' };
    }
    return undefined;
  }

  #onTerminalEvent(e: TerminalEvent): void {
    if (e.type === 'status') {
      const readers = JSON.stringify(e.status.readers);
      if (readers === this.#readers) return;
      this.#readers = readers;
      this.#enqueue(async () => void this.#emit({ type: 'reader.changed', seq: 0, time: '', data: { readers: e.status.readers } }, null));
      return;
    }
    this.#onSession(e.event);
  }

  #onSession(e: SessionEvent): void {
    const final = FINAL.has(e.state);
    let tracked = this.#sessions.get(e.sessionId);
    if (this.#replaying) {
      if (!tracked) remember(this.#sessions, e.sessionId, { phase: final ? 'completed' : 'started', requestId: null, requestedBy: null, purpose: this.#store.profile().name, startedAt: this.#now().toISOString() });
      return;
    }
    if (!tracked || (tracked.phase === 'completed' && !final)) {
      const request = this.#terminal.requestOf(e.sessionId);
      tracked = { phase: 'started', requestId: request?.id ?? null, requestedBy: request?.requestedBy ?? null, purpose: request?.purpose ?? this.#store.profile().name, startedAt: this.#now().toISOString() };
      remember(this.#sessions, e.sessionId, tracked);
      const requested = request && this.#requests.get(request.id);
      if (requested) requested.sessionId = e.sessionId;
      const { requestId, purpose, startedAt } = tracked;
      this.#enqueue(async () => void this.#emit({ type: 'verification.started', seq: 0, time: '', data: { id: e.sessionId, requestId, reader: e.reader, purpose, startedAt } }, tracked!.requestedBy));
    }
    if (!final || tracked.phase === 'completed') return;
    tracked.phase = 'completed';
    const info = tracked;
    this.#enqueue(async () => {
      const request = this.#terminal.requestOf(e.sessionId);
      const data = await completedEvent(e, {
        store: this.#store, request, expectedIdNumber: info.requestId ? this.#requests.get(info.requestId)?.expectedIdNumber : undefined,
        startedPurpose: info.purpose, now: this.#now(),
      });
      remember(this.#results, e.sessionId, { data, requestedBy: info.requestedBy });
      const delivered = this.#emit({ type: 'verification.completed', seq: 0, time: '', data }, info.requestedBy);
      this.#audit(delivered, data);
    });
  }

  #enqueue(work: () => Promise<void>): void {
    // One failed delivery (a signing error) must not stop the events after it.
    this.#queue = this.#queue.then(work).catch(() => undefined);
  }

  /** Sends to every entitled connection (re-checking each client's rights now); returns the clients reached. */
  #emit(event: IntegrationEvent, requestedBy: string | null): IntegrationClient[] {
    const stamped = { ...event, seq: ++this.#seq, time: this.#now().toISOString() } as IntegrationEvent;
    const reached = new Map<string, IntegrationClient>();
    for (const connection of [...this.#connections]) {
      const client = this.#store.integrationClients.active(connection.clientId);
      if (!client) {
        this.#connections.delete(connection);
        connection.close('revoked');
        continue;
      }
      if (!entitled(client, stamped, requestedBy)) continue;
      connection.send(stamped);
      reached.set(client.id, client);
    }
    return [...reached.values()];
  }

  #audit(clients: readonly IntegrationClient[], data: VerificationCompleted): void {
    const fields = Object.keys(data.fields).join(',');
    this.#store.audit.recordMany(clients.map((c) => ({
      actor: integrationActor(c.id),
      action: 'integration-delivery' as const,
      detail: { client: c.id, record: data.recordId, verification: data.id, fields, photo: data.photo !== null, fhir: data.fhir !== null, signed: data.signedResult !== null },
    })));
  }
}
