// A teller's account-opening form that fills itself from the eID Terminal on the counter's PC.
// The page's origin must be registered on the terminal (`eid-terminal integration add "Teller web"
// --origin https://teller.bank.example --scope results --scope request`); the client id and
// secret are given to the page by the bank's own back end (typed here for the example).
const $ = (selector) => document.querySelector(selector);
const form = $('#customer');
const connection = $('#connection');
const state = $('#connection-state');
let api = null;
let socket = null;
let pendingRequest = null;

function show(output, text, dataState) {
  output.textContent = text;
  if (dataState) output.dataset.state = dataState;
}

function credentials() {
  const id = connection.querySelector('[name=clientId]').value.trim();
  const secret = connection.querySelector('[name=secret]').value;
  return { authorization: `Basic ${btoa(`${id}:${secret}`)}` };
}

async function call(method, path, body) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { ...credentials(), ...(body && { 'content-type': 'application/json' }) },
    ...(body && { body: JSON.stringify(body) }),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error?.code ?? `HTTP ${response.status}`);
  return answer;
}

function fill(result) {
  for (const name of ['fullName', 'dateOfBirth', 'sex', 'placeOfResidence', 'idNumber']) {
    const value = result.fields[name];
    if (value !== undefined) form.elements[name].value = value;
  }
  form.elements.signedResult.value = result.signedResult ?? '';
  const verdict = $('#verdict');
  verdict.textContent = result.verdict ?? result.error?.code ?? result.state;
  verdict.dataset.verdict = result.verdict ?? '';
  const mismatch = result.idNumberMatch === false ? ' — số CCCD khác với hồ sơ / ID number differs from the file' : '';
  show($('#request-state'), `${result.state}${mismatch}`);
}

async function connect() {
  api = connection.querySelector('[name=apiUrl]').value.replace(/\/+$/, '');
  socket?.close();
  show(state, 'connecting…', 'connecting');
  try {
    // Browsers cannot set headers on a WebSocket: trade the credentials for a one-time ticket.
    const { ticket } = await call('POST', '/v1/tickets');
    socket = new WebSocket(`${api.replace(/^http/, 'ws')}/v1/events?ticket=${encodeURIComponent(ticket)}`);
  } catch (e) {
    show(state, `refused: ${e.message}`, 'refused');
    return;
  }
  socket.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === 'hello') show(state, `connected as ${event.data.client.name}`, 'connected');
    // A results client hears every verification; this form takes the one it asked for, or any
    // when it asked for none (the clerk read a card on their own).
    if (event.type === 'verification.completed' && (pendingRequest === null || event.data.requestId === pendingRequest)) {
      pendingRequest = null;
      fill(event.data);
    }
  };
  socket.onclose = (e) => show(state, e.code === 4003 ? 'refused: client revoked' : 'disconnected', 'refused');
}

async function requestVerification() {
  const expectedIdNumber = form.elements.idNumber.value.trim();
  try {
    const accepted = await call('POST', '/v1/verifications', { purpose: 'bank', ...(expectedIdNumber && { expectedIdNumber }) });
    pendingRequest = accepted.requestId;
    show($('#request-state'), 'Mời khách đặt thẻ lên đầu đọc / Please place the card on the reader');
  } catch (e) {
    show($('#request-state'), `refused: ${e.message}`);
  }
}

$('#connect').addEventListener('click', () => void connect());
$('#request').addEventListener('click', () => void requestVerification());
