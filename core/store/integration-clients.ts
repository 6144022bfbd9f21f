/**
 * The business applications allowed on the local integration API: a name, the scopes a
 * supervisor granted, the origins a browser client's pages come from, and a hash of the secret.
 * The secret is 256 random bits shown once at creation; a fast hash is enough for a secret of
 * that strength (a PIN needs scrypt, a random key does not), and it keeps each request cheap.
 * Clients are revoked, never deleted: the audit log keeps naming them.
 */
import type Database from 'better-sqlite3';
import { IntegrationScopeSchema, NewIntegrationClientSchema, type IntegrationClient, type IntegrationScope, type ListedIntegrationClient, type NewIntegrationClient } from '../api/integration-clients.ts';
import { toBase64Url } from '../bytes/base64.ts';
import { utf8 } from '../bytes/bytes.ts';
import { toHex } from '../bytes/hex.ts';
import { hash, randomBytes, timingSafeEqual } from '../crypto/node-crypto.ts';
import { EidError } from '../errors.ts';
import type { AuditLog } from './audit-log.ts';
import type { Operator } from './operators.ts';
import { storeError } from './errors.ts';

interface ClientRow {
  id: string;
  name: string;
  origins: string;
  scopes: string;
  secret_hash: Uint8Array;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

const ID = /^ic_[0-9a-f]{16}$/;

/** How the audit log names a client that received a result: its deliveries are its use. */
export function integrationActor(clientId: string): string {
  return `integration:${clientId}`;
}

function secretHash(secret: string): Uint8Array {
  return hash('sha256', utf8(secret));
}

export class IntegrationClients {
  readonly #db: Database.Database;
  readonly #audit: AuditLog;
  readonly #now: () => Date;
  readonly #byId: Database.Statement<[string], ClientRow>;

  constructor(db: Database.Database, audit: AuditLog, now: () => Date) {
    this.#db = db;
    this.#audit = audit;
    this.#now = now;
    this.#byId = db.prepare('SELECT * FROM integration_clients WHERE id = ?');
  }

  /** Adds a client (supervisors only); the secret is returned here and never again. */
  add(by: Operator, input: NewIntegrationClient): { client: IntegrationClient; secret: string } {
    if (by.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    const parsed = NewIntegrationClientSchema.safeParse(input);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.') || 'client').join(', ');
      throw new EidError('INTEGRATION_CLIENT_INVALID', { detail: where });
    }
    const { name, origins, scopes } = parsed.data;
    const id = `ic_${toHex(randomBytes(8)).toLowerCase()}`;
    const secret = toBase64Url(randomBytes(32));
    this.#db.prepare('INSERT INTO integration_clients (id, name, origins, scopes, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, name, JSON.stringify([...new Set(origins)]), JSON.stringify([...new Set(scopes)]), secretHash(secret), this.#now().toISOString(), by.name);
    this.#audit.record(by.name, 'integration-client-add', { client: id, name, scopes: scopes.join(','), origins: origins.join(',') });
    return { client: this.get(id)!, secret };
  }

  /** Every client, revoked ones too, each with the last time a result was delivered to it (from the audit log). */
  list(): ListedIntegrationClient[] {
    const deliveries = this.#db.prepare("SELECT actor, max(at) AS at FROM audit_events WHERE action = 'integration-delivery' GROUP BY actor").all() as { actor: string; at: string }[];
    const lastUsed = new Map(deliveries.map((d) => [d.actor, d.at]));
    const rows = this.#db.prepare('SELECT * FROM integration_clients ORDER BY created_at, id').all() as ClientRow[];
    return rows.map((r) => ({ ...toClient(r), lastUsedAt: lastUsed.get(integrationActor(r.id)) ?? null }));
  }

  get(id: string): IntegrationClient | undefined {
    const row = this.#byId.get(id);
    return row ? toClient(row) : undefined;
  }

  /** The client these credentials belong to, while it is not revoked; undefined otherwise. */
  authenticate(id: string, secret: string): IntegrationClient | undefined {
    const row = ID.test(id) ? this.#byId.get(id) : undefined;
    const given = secretHash(secret);
    if (!row || row.revoked_at !== null || !timingSafeEqual(given, row.secret_hash)) return undefined;
    return toClient(row);
  }

  /** An active (not revoked) client's current entry, to re-check its rights before each delivery. */
  active(id: string): IntegrationClient | undefined {
    const client = this.get(id);
    return client && client.revokedAt === null ? client : undefined;
  }

  activeCount(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM integration_clients WHERE revoked_at IS NULL').get() as { n: number }).n;
  }

  revoke(by: Operator, id: string): IntegrationClient {
    if (by.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    const r = this.#db.prepare('UPDATE integration_clients SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(this.#now().toISOString(), by.name, id);
    if (r.changes === 0) {
      throw new EidError('INTEGRATION_CLIENT_UNKNOWN', { client: id });
    }
    this.#audit.record(by.name, 'integration-client-revoke', { client: id });
    return this.get(id)!;
  }
}

function toClient(r: ClientRow): IntegrationClient {
  return {
    id: r.id,
    name: r.name,
    origins: JSON.parse(r.origins) as string[],
    scopes: (JSON.parse(r.scopes) as string[]).filter((s): s is IntegrationScope => IntegrationScopeSchema.safeParse(s).success),
    createdAt: r.created_at,
    createdBy: r.created_by,
    revokedAt: r.revoked_at,
  };
}
