/**
 * The kiosk's first load over the service as a browser makes it (Accept-Encoding: br, gzip):
 * index.html and everything it references, counted as transferred bytes (headers included),
 * stays below 150 KB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost } from '../../host/create-host.ts';
import { ensureRendererBuilt } from '../../host/renderer-files.ts';
import { startService } from '../../service/server.ts';

const BUDGET = 150 * 1024;

/** Status, raw (still compressed) body and the size of the whole response as sent. */
function fetchRaw(url: string): Promise<{ status: number; body: Buffer; bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const head = res.rawHeaders.reduce((n, h) => n + h.length + 2, `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2);
        resolve({ status: res.statusCode ?? 0, body, bytes: head + body.length, encoding: res.headers['content-encoding'] });
      });
    }).on('error', reject);
  });
}

test('first load of the kiosk is below 150 KB transferred', { timeout: 180_000 }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-first-load-'));
  const host = await createHost({ dataDir, sync: false });
  const service = await startService({ api: host.terminal, staticDir: await ensureRendererBuilt() });
  t.after(async () => {
    await service.close();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const base = `http://127.0.0.1:${service.port}/`;
  const index = await fetchRaw(base);
  assert.equal(index.status, 200);
  const html = await (await fetch(base)).text();
  const referenced = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, base).href);
  assert.ok(referenced.some((u) => u.endsWith('.js')) && referenced.some((u) => u.endsWith('.css')), referenced.join(' '));
  let total = index.bytes;
  for (const url of referenced) {
    const r = await fetchRaw(url);
    assert.equal(r.status, 200, url);
    if (/\.(js|css|svg)$/.test(url)) assert.equal(r.encoding, 'br', url);
    total += r.bytes;
  }
  t.diagnostic(`first load: ${(total / 1024).toFixed(1)} KB transferred in ${referenced.length + 1} responses`);
  assert.ok(total < BUDGET, `first load ${total} bytes, budget ${BUDGET}`);
});
