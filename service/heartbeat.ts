/** The service's side of core/api/heartbeat.ts: each event socket gets a heartbeat until it closes. */
import type { WebSocket } from 'ws';
import { HEARTBEAT, HEARTBEAT_EVERY_MS } from '../core/api/heartbeat.ts';

export function sendHeartbeats(ws: WebSocket): void {
  const timer = setInterval(() => {
    if (ws.readyState === ws.OPEN) ws.send(HEARTBEAT);
  }, HEARTBEAT_EVERY_MS);
  timer.unref();
  ws.once('close', () => clearInterval(timer));
}
