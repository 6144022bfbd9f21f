/**
 * The vpcd socket of a VpcdBridge, on its own thread. pcscd asks for the ATR while holding a lock
 * that a synchronous PC/SC call (SCardEstablishContext) waits for; if the same thread served the
 * card and made that call, neither would move. Here the ATR is answered without the main thread,
 * and everything else (power, reset, APDUs) goes to it in order, tagged with the connection it
 * came from so that a late answer never reaches a newer connection.
 */
import { createConnection, type Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { VPCD_CTRL, VpcdFrameReader, frameVpcdMessage } from './vpcd-framing.ts';

export type ToSocketThread = { type: 'connect' } | { type: 'close' } | { type: 'write'; connection: number; data: Uint8Array };
export type FromSocketThread =
  | { type: 'connected'; connection: number }
  | { type: 'closed'; connection: number; opened: boolean }
  | { type: 'message'; connection: number; data: Uint8Array };

export interface SocketThreadData {
  readonly entry: string;
  readonly host: string;
  readonly port: number;
  readonly atr: Uint8Array;
}

const port = parentPort!;
const config = workerData as SocketThreadData;
const atrFrame = frameVpcdMessage(config.atr);
const post = (m: FromSocketThread): void => port.postMessage(m);
let socket: Socket | undefined;
let connection = 0;

function connect(): void {
  const id = ++connection;
  const frames = new VpcdFrameReader();
  const s = createConnection({ host: config.host, port: config.port });
  s.setNoDelay(true);
  socket = s;
  let opened = false;
  s.on('connect', () => {
    opened = true;
    post({ type: 'connected', connection: id });
  });
  s.on('data', (chunk: Buffer) => {
    for (const data of frames.push(new Uint8Array(chunk))) {
      if (data.length === 1 && data[0] === VPCD_CTRL.ATR) s.write(atrFrame);
      else post({ type: 'message', connection: id, data });
    }
  });
  // 'error' is always followed by 'close', which reports it.
  s.on('error', () => undefined);
  s.on('close', () => {
    if (socket === s) socket = undefined;
    post({ type: 'closed', connection: id, opened });
  });
}

port.on('message', (m: ToSocketThread) => {
  if (m.type === 'connect') connect();
  else if (m.type === 'close') {
    if (socket) socket.destroy();
    else post({ type: 'closed', connection, opened: false });
  } else if (m.connection === connection && socket && !socket.destroyed) socket.write(m.data);
});
