/**
 * How a browser window gets the service's token without it ever being in a URL or on a command
 * line (every local user sees a process's arguments): the window is opened on a one-time code,
 * which the service exchanges once, within a short time, for an HttpOnly SameSite=Strict cookie
 * carrying the token, and answers with a redirect to `/` so the address bar keeps no code. A
 * used, unknown or expired code gets the same redirect without a cookie.
 */
import { randomBytes, timingSafeEqual } from '../core/crypto/node-crypto.ts';
import { toHex } from '../core/bytes/hex.ts';
import { utf8 } from '../core/bytes/bytes.ts';

/** Long enough to paste the printed address into a browser; the app window redeems it at once. */
export const CODE_LIFETIME_MS = 2 * 60 * 1000;

export class PageCodes {
  readonly #expiry = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new code, good once until CODE_LIFETIME_MS from now. */
  mint(): string {
    this.#forgetExpired();
    const code = toHex(randomBytes(16)).toLowerCase();
    this.#expiry.set(code, this.now() + CODE_LIFETIME_MS);
    return code;
  }

  /** True once for a code minted here and not yet expired; the code is gone afterwards either way. */
  redeem(code: string): boolean {
    const expires = this.#expiry.get(code);
    this.#expiry.delete(code);
    return expires !== undefined && this.now() <= expires;
  }

  #forgetExpired(): void {
    const now = this.now();
    for (const [code, expires] of this.#expiry) if (expires < now) this.#expiry.delete(code);
  }
}

/**
 * The cookie's name carries the port: cookies are not kept apart by port, and two terminals on one
 * machine must not overwrite each other's.
 */
export function cookieName(port: number): string {
  return `eid-terminal-${port}`;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The token a request carries: `Authorization: Bearer …` (programs) or the session cookie (the kiosk page). */
export function presentedTokens(headers: { authorization?: string | undefined; cookie?: string | undefined }, port: number): string[] {
  const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
  const prefix = `${cookieName(port)}=`;
  const cookies = (headers.cookie ?? '').split(';').map((c) => c.trim()).filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
  return [...(bearer ? [bearer] : []), ...cookies];
}

/** Constant-time comparison of a presented token with the service's. */
export function tokenMatches(given: string, token: string): boolean {
  return timingSafeEqual(utf8(given), utf8(token));
}
