#!/usr/bin/env node
// A minimal Node client of eID Terminal's integration API: prints every event it is entitled to
// and, with --request, asks the counter for a verification and prints its (signed) result.
//
//   EID_CLIENT_ID=ic_... EID_CLIENT_SECRET=... node examples/node-client/client.mjs [--request PURPOSE] [--expect ID12]
//
// Native clients authenticate with HTTP Basic on every request and on the WebSocket upgrade;
// they send no Origin header (a client registered without --origin is refused from web pages).
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const { values } = parseArgs({ options: { url: { type: 'string', default: process.env.EID_API ?? 'http://127.0.0.1:7891' }, request: { type: 'string' }, expect: { type: 'string' }, once: { type: 'boolean' } } });
const id = process.env.EID_CLIENT_ID;
const secret = process.env.EID_CLIENT_SECRET;
if (!id || !secret) {
  console.error('Set EID_CLIENT_ID and EID_CLIENT_SECRET (from `eid-terminal integration add`).');
  process.exit(2);
}
const authorization = `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const api = values.url.replace(/\/+$/, '');

const socket = new WebSocket(`${api.replace(/^http/, 'ws')}/v1/events`, { headers: { authorization } });
socket.on('unexpected-response', (_req, res) => {
  console.error(`refused: HTTP ${res.statusCode}`);
  process.exit(1);
});
let requestId = null;
socket.on('message', async (raw) => {
  const message = JSON.parse(String(raw));
  console.log(JSON.stringify(message));
  if (message.type === 'hello' && values.request) {
    const response = await fetch(`${api}/v1/verifications`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ purpose: values.request, ...(values.expect && { expectedIdNumber: values.expect }) }),
    });
    const body = await response.json();
    if (!response.ok) {
      console.error(`request refused: ${body.error.code}`);
      process.exit(1);
    }
    requestId = body.requestId;
    console.error('Waiting for the clerk to read the card…');
  }
  if (message.type === 'verification.completed' && values.once && (requestId === null || message.data.requestId === requestId)) socket.close();
});
socket.on('close', (code) => {
  if (code === 4003) console.error('this client was revoked');
});
