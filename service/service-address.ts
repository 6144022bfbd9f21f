/**
 * The service's port and token, kept in the data folder (`service.json`, the owner's only): a
 * restarted service answers at the same address with the same token, so an open kiosk page
 * reconnects by itself. The token guards the local API against other programs and pages; it is
 * no personal data. A saved port someone else has taken since gives way to a new one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { randomBytes } from '../core/crypto/node-crypto.ts';
import { toHex } from '../core/bytes/hex.ts';
import type { RunningService } from './server.ts';

const SavedSchema = z.object({ port: z.number().int().min(1).max(65535), token: z.string().regex(/^[0-9a-f]{48}$/) });
type Saved = z.infer<typeof SavedSchema>;

function load(file: string): Saved | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = SavedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // unreadable: a new address, saved over it
  }
}

/**
 * Starts the service on `port` (when given) or the saved one, with the saved token, and saves
 * what it got. `listen` starts the service itself.
 */
export async function startAtSavedAddress(
  dataDir: string,
  port: number | undefined,
  listen: (o: { port: number; token: string }) => Promise<RunningService>,
): Promise<RunningService> {
  const file = join(dataDir, 'service.json');
  const saved = load(file);
  const token = saved?.token ?? toHex(randomBytes(24)).toLowerCase();
  let service: RunningService;
  try {
    service = await listen({ port: port ?? saved?.port ?? 0, token });
  } catch (e) {
    if (port !== undefined || !saved || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    service = await listen({ port: 0, token });
  }
  writeFileSync(file, JSON.stringify({ port: service.port, token } satisfies Saved), { mode: 0o600 });
  return service;
}
