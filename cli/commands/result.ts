/**
 * `eid-terminal result verify FILE|-`: checks a signed verification result (a compact JWS from
 * the integration API) against the registry's terminal keys, saved to a file (offline) or fetched
 * now. Says valid, invalid, revoked terminal or unknown key; exit 0 only for valid.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { EidError } from '../../core/errors.ts';
import { print, printJson, usageError } from '../output.ts';
import { checkSignedResult, type ResultCheck } from '../../core/registry-protocol/signed-result.ts';
import { TerminalKeySetSchema, type TerminalKeySet } from '../../core/registry-protocol/terminal-key-set.ts';

const USAGE = `Usage: eid-terminal result verify FILE|- (--keys KEYSET.json | --registry URL) [--json]
Checks a signed verification result (compact JWS). --keys: the registry's key set saved from
GET /v1/terminal-keys (offline); --registry: fetch it now. Exit 0 valid; 1 invalid, revoked
terminal or unknown key; 2 error.`;

function keySetError(detail: string): EidError {
  return new EidError('KEY_SET_INVALID', { detail });
}

async function keySet(file: string | undefined, registry: string | undefined): Promise<TerminalKeySet> {
  let raw: unknown;
  try {
    if (file) raw = JSON.parse(readFileSync(file, 'utf8'));
    else {
      const response = await fetch(`${registry!.replace(/\/+$/, '')}/v1/terminal-keys`, { signal: AbortSignal.timeout(15_000) });
      if (!response.ok) throw new Error(`the registry answered ${response.status}`);
      raw = await response.json();
    }
  } catch (e) {
    throw keySetError(e instanceof Error ? e.message : String(e));
  }
  const parsed = TerminalKeySetSchema.safeParse(raw);
  if (!parsed.success) throw keySetError('not an eid-terminal-keys/1 set');
  return parsed.data;
}

function describe(check: ResultCheck): string {
  switch (check.status) {
    case 'valid':
      return `valid: ${check.claims.verdict} by terminal ${check.claims.iss} (${check.claims.terminalName}) at ${check.claims.verifiedAt}, purpose ${check.claims.purpose}`;
    case 'revoked':
      return `revoked terminal: the signature holds, but terminal ${check.claims.iss} was revoked at ${check.revokedAt} (result signed ${new Date(check.claims.iat * 1000).toISOString()})`;
    case 'unknown-key':
      return `unknown key: no terminal ${check.terminalId ?? '(none named)'} in the key set`;
    case 'invalid':
      return `invalid: ${check.reason}`;
  }
}

export const command: Command = {
  summary: 'check a signed verification result: result verify FILE|- (--keys FILE | --registry URL)',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { keys: { type: 'string' }, registry: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      print(USAGE);
      return 0;
    }
    const [sub, file] = positionals;
    if (sub !== 'verify' || !file) throw usageError('result verify needs a FILE (or - for standard input)');
    if (!values.keys === !values.registry) throw usageError('give either --keys FILE or --registry URL');
    const jws = readFileSync(file === '-' ? 0 : file, 'utf8');
    const check = await checkSignedResult(jws, await keySet(values.keys, values.registry));
    if (values.json) printJson(check);
    else print(describe(check));
    return check.status === 'valid' ? 0 : 1;
  },
};
