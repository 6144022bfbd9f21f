/**
 * Who may use the integration API, and from where. A client authenticates with its id and secret
 * (HTTP Basic). A browser client is pinned to the origins the supervisor registered; a client with
 * no origins is a native application and is refused from any web page (a page that obtained its
 * secret still cannot use it). Browsers cannot set headers on a WebSocket, so a page first trades
 * its credentials for a one-time ticket bound to its origin, valid for seconds.
 */
import type { IntegrationClient } from '../api/integration-clients.ts';
import { fromUtf8 } from '../bytes/bytes.ts';
import { fromBase64, toBase64Url } from '../bytes/base64.ts';
import { randomBytes } from '../crypto/node-crypto.ts';

export const TICKET_SECONDS = 30;
const MAX_TICKETS = 1000;

/** `Authorization: Basic base64(id:secret)` as id and secret; undefined for anything else. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic ([A-Za-z0-9+/=]{1,400})$/.exec(header ?? '');
  if (!m) return undefined;
  let text: string;
  try {
    text = fromUtf8(fromBase64(m[1]!));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  return colon > 0 ? { id: text.slice(0, colon), secret: text.slice(colon + 1) } : undefined;
}

/** May this client act from this origin (undefined: not from a web page)? */
export function originAllowed(client: IntegrationClient, origin: string | undefined): boolean {
  if (client.origins.length === 0) return origin === undefined;
  return origin !== undefined && client.origins.includes(origin);
}

/** One-time WebSocket tickets: issued to an authenticated client for its origin, redeemed once. */
export class Tickets {
  readonly #tickets = new Map<string, { clientId: string; origin: string | undefined; expires: number }>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  issue(clientId: string, origin: string | undefined): { ticket: string; expiresIn: number } {
    this.#sweep();
    const ticket = toBase64Url(randomBytes(24));
    this.#tickets.set(ticket, { clientId, origin, expires: this.nowMs() + TICKET_SECONDS * 1000 });
    while (this.#tickets.size > MAX_TICKETS) this.#tickets.delete(this.#tickets.keys().next().value!);
    return { ticket, expiresIn: TICKET_SECONDS };
  }

  /** The client id, when the ticket is live and presented from the origin it was issued to. */
  redeem(ticket: string, origin: string | undefined): string | undefined {
    const entry = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    if (!entry || entry.expires <= this.nowMs() || entry.origin !== origin) return undefined;
    return entry.clientId;
  }

  #sweep(): void {
    const now = this.nowMs();
    for (const [t, e] of this.#tickets) if (e.expires <= now) this.#tickets.delete(t);
  }
}
