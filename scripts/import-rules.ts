/**
 * The house's layer table (docs/design/DESIGN.md as code), in the style of VS Code's: which part
 * of the repository may import which, and which npm packages only some parts may use. Data only;
 * scripts/import-check.ts applies it (`npm run lint`, test/unit/architecture.test.ts),
 * scripts/layer-doc.ts renders it into docs/reference/architecture.md.
 */

export interface Part {
  /** A folder (ending in '/') or one file; a source file belongs to the longest path that holds it. */
  readonly path: string;
  /** core/ only: its floor. A core part imports core parts on its own floor or below, never higher. */
  readonly floor?: number;
  /** Outside core/: what else it may import, as parts or folders meaning every part under them ('core/'). */
  readonly imports?: readonly string[];
  /** False where the code runs in a page: no Node built-in modules. */
  readonly node?: false;
  readonly says: string;
}

/** core/, floor by floor, bottom up. */
const CORE: readonly Part[] = [
  { path: 'core/messages/', floor: 0, says: 'the message catalogue: every error, warning and UI text in English and Vietnamese' },
  { path: 'core/errors.ts', floor: 0, says: 'EidError, the typed error every layer raises' },
  { path: 'core/bytes/', floor: 0, says: 'bytes, hex, base64, TLV/DER' },
  { path: 'core/api/', floor: 0, says: 'the TerminalApi contract and result schemas (zod), the one RPC dispatch' },
  { path: 'core/crypto/', floor: 1, says: 'the one node:crypto module, @noble/curves, MACs, KDFs' },
  { path: 'core/asn1/', floor: 1, says: 'X.509, CMS, CRLs, master lists, the one OID table' },
  { path: 'core/mrz/', floor: 2, says: 'MRZ, CCCD keys and QR' },
  { path: 'core/lds/', floor: 2, says: 'every LDS file (COM, DG1, DG2, DG11-16, SOD ...)' },
  { path: 'core/registry-protocol/', floor: 2, says: 'what core/sync and registry/ share: RFC 9421 signing, signed trust list, record chain, schemas' },
  { path: 'core/secrets/', floor: 2, says: 'keys and sealed data at rest, for the terminal and the registry alike: private files, key provider, sealing' },
  { path: 'core/emrtd/', floor: 3, says: 'the terminal side of ICAO 9303-11: apdu, sm, access, bac, pace, chip-auth, active-auth, read' },
  { path: 'core/trust/', floor: 3, says: 'passive authentication, certificate paths, CSCA store, verdict' },
  { path: 'core/chip/', floor: 4, says: 'the virtual chip and the document factory' },
  { path: 'core/session/', floor: 5, says: 'the verification: keys, open, read, prove, verify, record, events' },
  { path: 'core/store/', floor: 5, says: 'the SQLite records database' },
  { path: 'core/sync/', floor: 5, says: 'the registry client: outbox push, trust-list pull' },
  { path: 'core/terminal/', floor: 6, says: 'TerminalApi, one module per area' },
  { path: 'core/integration/', floor: 7, says: 'the local integration API without its server: client access, the event hub, signed results, FHIR' },
];

export const PARTS: readonly Part[] = [
  ...CORE,
  { path: 'face/', imports: ['core/'], says: 'face match on the device (engine, active check, the counter\'s check, Node and browser runtimes)' },
  { path: 'native/', imports: ['core/'], says: 'the PC/SC binding (the only code that loads it), reader watcher, vpcd bridge' },
  { path: 'fixtures/', imports: ['core/', 'native/'], says: 'test and bench data, its loader, the pcscd and port doubles both use' },
  { path: 'host/', imports: ['core/', 'native/'], says: 'the one composition root: store, trust, readers, sync -> a Terminal' },
  { path: 'registry/', imports: ['core/messages/', 'core/errors.ts', 'core/bytes/', 'core/crypto/', 'core/asn1/', 'core/registry-protocol/', 'core/secrets/', 'core/trust/'], says: 'the reference registry server; core/secrets keeps its keys and data at rest as the terminal does; core/trust only for trust-publish\'s certificate loader' },
  { path: 'service/', imports: ['core/', 'host/'], says: 'front end: TerminalApi over HTTP + WebSocket on 127.0.0.1' },
  { path: 'service/main.ts', imports: ['core/', 'host/', 'service/', 'integration/'], says: 'the service process: the kiosk service and, beside it, the integration API (one Terminal, one flow)' },
  { path: 'integration/', imports: ['core/', 'host/'], says: 'front end: the integration API for business applications (HTTP + WebSocket on 127.0.0.1)' },
  { path: 'examples/', imports: [], says: 'stand-alone integration clients (a web page, a Node script) as integrators write them' },
  { path: 'examples/teller-form/', imports: [], node: false, says: 'the example teller form: a web page of a business application' },
  { path: 'electron/', imports: ['core/', 'host/'], says: 'front end: the Electron kiosk shell' },
  { path: 'electron/main.ts', imports: ['core/', 'host/', 'electron/', 'integration/'], says: 'the Electron main process: the kiosk window and, beside the terminal, the integration API (as the service)' },
  { path: 'cli/', imports: ['core/', 'host/', 'native/', 'face/', 'registry/'], says: 'front end: eid-terminal' },
  { path: 'bin/', imports: ['cli/'], says: 'the eid-terminal executable' },
  { path: 'renderer/src/', imports: ['core/api/', 'core/messages/', 'face/'], node: false, says: 'the React kiosk UI: sees only the TerminalApi contract, the message catalogue (its words) and the face engine (run in the page)' },
  { path: 'renderer/vite.config.ts', imports: ['face/'], says: 'how Vite builds the UI (with the face engine\'s models and .wasm files beside it)' },
  { path: 'bench/', imports: ['core/', 'host/', 'native/', 'face/', 'registry/', 'fixtures/'], says: 'benchmarks, as ratios to a baseline of the same run' },
  { path: 'scripts/', imports: ['core/', 'fixtures/'], says: 'build, lint, test and CI tooling (the test runner reads fixtures/\' skip markers)' },
  { path: 'test/', imports: ['core/', 'face/', 'native/', 'fixtures/', 'host/', 'registry/', 'service/', 'integration/', 'electron/', 'cli/', 'renderer/', 'bench/', 'scripts/'], says: 'unit, chip, integration and e2e tests' },
];

export interface PackageRule {
  /** The package: its name, or a scope ending in '/'. */
  readonly name: string;
  /** The only parts (or folders of parts, or single files) that may import it. */
  readonly only: readonly string[];
  readonly why: string;
}

/** Packages that only some parts may use; any other package or Node built-in is free (but see Part.node). */
export const PACKAGES: readonly PackageRule[] = [
  { name: 'node:crypto', only: ['core/crypto/node-crypto.ts'], why: 'Electron ships BoringSSL: one module says what is asked of it' },
  { name: 'electron', only: ['electron/', 'test/'], why: 'the kiosk shell alone runs inside Electron' },
  { name: 'react', only: ['renderer/src/'], why: 'the UI framework stays in the UI' },
  { name: 'react-dom', only: ['renderer/src/'], why: 'the UI framework stays in the UI' },
  { name: 'smartcard', only: ['native/'], why: 'the PC/SC binding is loaded in one place' },
  { name: 'pcsclite', only: ['native/'], why: 'the PC/SC binding is loaded in one place' },
  { name: 'fastify', only: ['registry/', 'test/'], why: 'the registry\'s HTTP server' },
  { name: 'pg', only: ['registry/', 'test/'], why: 'the registry\'s PostgreSQL store' },
  { name: 'ws', only: ['service/', 'integration/', 'examples/', 'test/'], why: 'the service\'s and the integration API\'s WebSockets' },
  { name: 'better-sqlite3', only: ['core/store/', 'registry/', 'fixtures/', 'bench/', 'test/'], why: 'a native module: the records database, the registry\'s SQLite store, the crash-safe test outbox' },
  { name: 'vite', only: ['renderer/vite.config.ts', 'host/', 'scripts/', 'test/'], why: 'builds the UI (host/ rebuilds a stale checkout\'s UI at start)' },
  { name: '@vitejs/', only: ['renderer/vite.config.ts'], why: 'Vite plugins belong to the UI build' },
  { name: 'esbuild', only: ['scripts/'], why: 'bundles the Electron main process and preload' },
  { name: 'playwright-core', only: ['test/'], why: 'drives Chromium in the e2e tests' },
  { name: 'sharp', only: ['face/', 'test/'], why: 'decodes pictures for the face engine in Node' },
  { name: '@vladmandic/', only: ['face/', 'test/'], why: 'the face engine' },
  { name: '@tensorflow/', only: ['face/', 'test/'], why: 'the face engine\'s runtime' },
  { name: 'tsx', only: ['bin/', 'native/', 'scripts/', 'test/'], why: 'runs TypeScript without a build step in the CLI and worker threads' },
];

/** The part a repository path (forward slashes, from the root) belongs to, if any. */
export function partOf(path: string): Part | undefined {
  let best: Part | undefined;
  for (const part of PARTS) {
    const holds = part.path.endsWith('/') ? path.startsWith(part.path) : path === part.path;
    if (holds && (!best || part.path.length > best.path.length)) best = part;
  }
  return best;
}

function within(part: Part, folders: readonly string[]): boolean {
  return folders.some((f) => (f.endsWith('/') ? part.path.startsWith(f) : part.path === f));
}

/** Whether `from` may import `to` (itself always). */
export function mayImport(from: Part, to: Part): boolean {
  if (from === to) return true;
  if (from.floor !== undefined) return to.floor !== undefined && to.floor <= from.floor;
  return within(to, from.imports ?? []);
}

/** The rule a package specifier falls under ('node:crypto' and 'crypto' are one). */
export function packageRule(specifier: string): PackageRule | undefined {
  const name = specifier === 'crypto' || specifier.startsWith('crypto/') ? 'node:crypto' : specifier;
  return PACKAGES.find((p) => (p.name.endsWith('/') ? name.startsWith(p.name) : name === p.name || name.startsWith(`${p.name}/`)));
}

/** Whether a file at `path` in `part` may import the package rule's package. */
export function mayUsePackage(path: string, rule: PackageRule): boolean {
  return rule.only.some((o) => (o.endsWith('/') ? path.startsWith(o) : path === o));
}
