/**
 * Integration clients as TerminalApi shows them: the business applications (a bank's teller
 * system, a hospital's HIS, a one-stop-shop application) a supervisor lets read results from this
 * counter over the local integration API. The secret is shown once, when the client is added.
 */
import { z } from 'zod';
import { ApiErrorSchema } from './messages.ts';

/** What a client may do: receive results, ask the counter for a verification, see the readers and status. */
export const INTEGRATION_SCOPES = ['results', 'request', 'status'] as const;
export const IntegrationScopeSchema = z.enum(INTEGRATION_SCOPES);
export type IntegrationScope = z.infer<typeof IntegrationScopeSchema>;

/**
 * An origin a browser client's pages are served from: https, or http on a loopback host only
 * (browsers treat http://127.0.0.1 and http://localhost as potentially trustworthy).
 */
export const OriginSchema = z.string().max(200).refine(isAllowedOrigin, 'an origin is https://host[:port], or http:// on 127.0.0.1, [::1] or localhost');

export function isAllowedOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}

export const IntegrationClientNameSchema = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._()-]*$/u);

export const IntegrationClientSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Browser clients: the origins their pages may connect from. Empty: a native client, refused from any web page. */
  origins: z.array(z.string()),
  scopes: z.array(IntegrationScopeSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
});
export type IntegrationClient = z.infer<typeof IntegrationClientSchema>;

/** A client as the supervisor's list shows it: with the last time it received a result (the audit log's deliveries). */
export const ListedIntegrationClientSchema = IntegrationClientSchema.extend({ lastUsedAt: z.string().nullable() });
export type ListedIntegrationClient = z.infer<typeof ListedIntegrationClientSchema>;

/** The integration API as the Settings screen shows it. */
export const IntegrationApiStateSchema = z.object({
  /** Whether it should run: the supervisor's on/off, or, never chosen, whether an active client exists. */
  enabled: z.boolean(),
  /** The loopback port it uses; null when this program does not run it (a restart of the terminal runs it). */
  port: z.number().int().nullable(),
  /** Where it listens now; null while it is off or could not start. */
  url: z.string().nullable(),
  /** Why it is not listening though enabled (the port is taken). */
  error: ApiErrorSchema.nullable(),
});
export type IntegrationApiState = z.infer<typeof IntegrationApiStateSchema>;

export const NewIntegrationClientSchema = z.object({
  name: IntegrationClientNameSchema,
  origins: z.array(OriginSchema).max(20).default([]),
  scopes: z.array(IntegrationScopeSchema).min(1).max(INTEGRATION_SCOPES.length),
});
export type NewIntegrationClient = z.input<typeof NewIntegrationClientSchema>;
