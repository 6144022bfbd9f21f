/**
 * Verifications a business application asked for (the integration API's `verification.request`):
 * with the access key it starts at once; without one it waits for the clerk's next read at this
 * counter, which then runs under the request's purpose. A waiting request expires unanswered.
 */
import { randomUUID } from '../crypto/node-crypto.ts';

export interface VerificationRequest {
  readonly id: string;
  /** The purpose profile the verification is recorded and delivered under. */
  readonly purpose: string;
  /** Who asked (an integration client id). */
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  sessionId: string | null;
}

/** How long a request waits for the clerk to read a card. */
export const REQUEST_WAIT_MS = 5 * 60_000;
/** Requests remembered (for their session binding) after they were answered. */
const KEEP = 500;

export class VerificationRequests {
  readonly #requests = new Map<string, VerificationRequest>();

  constructor(private readonly now: () => Date) {}

  add(purpose: string, requestedBy: string): VerificationRequest {
    const createdAt = this.now();
    const request: VerificationRequest = { id: randomUUID(), purpose, requestedBy, createdAt, expiresAt: new Date(createdAt.getTime() + REQUEST_WAIT_MS), sessionId: null };
    this.#requests.set(request.id, request);
    while (this.#requests.size > KEEP) this.#requests.delete(this.#requests.keys().next().value!);
    return request;
  }

  /** The oldest request still waiting for a card, if any (the clerk's read answers it). */
  nextWaiting(): VerificationRequest | undefined {
    const now = this.now().getTime();
    return [...this.#requests.values()].find((r) => r.sessionId === null && r.expiresAt.getTime() > now);
  }

  bind(request: VerificationRequest, sessionId: string): void {
    request.sessionId = sessionId;
  }

  /** Forgets a request whose read could not start, so it does not answer a later one. */
  drop(request: VerificationRequest): void {
    this.#requests.delete(request.id);
  }

  ofSession(sessionId: string): VerificationRequest | undefined {
    return [...this.#requests.values()].find((r) => r.sessionId === sessionId);
  }
}
