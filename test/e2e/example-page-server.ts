/**
 * The example teller form (examples/teller-form) as its own web server would serve it: a second
 * loopback origin, as a business application's page is to the terminal.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXAMPLE = fileURLToPath(new URL('../../examples/teller-form/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export function serveExamplePage(): Promise<Server> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0]!;
    if (!/^[a-z-]+\.(html|js|css)$/.test(name)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[name.slice(name.lastIndexOf('.'))]! });
    res.end(readFileSync(join(EXAMPLE, name)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
