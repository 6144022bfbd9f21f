/**
 * Starts a real pcscd (Debian package `pcscd`, with the `vsmartcard-vpcd` driver) for
 * integration tests, waits until it answers, and stops it afterwards. pcscd is one per machine
 * (its socket is /run/pcscd/pcscd.comm), so a lock directory serialises test files that need it;
 * they may run in parallel processes.
 *
 * Skips only outside CI: when process.env.CI is set, a missing pcscd, vpcd driver or root is a
 * failure, because CI installs them and the tests must really run there.
 *
 *   const pcscd = await requirePcscd(t);   // undefined = test skipped (reason shown)
 *   if (!pcscd) return;
 *   new VpcdBridge(card, { port: pcscd.port(0) }) ... connectReader(pcscd.reader(0)) ...
 *   // stopped automatically by t.after
 *
 * By default vpcd listens on TEST_VPCD_BASE_PORT (not the packaged 35963), from a reader.conf.d
 * generated in a temporary folder, so a developer's `eid-terminal virtual-card serve` on the
 * default port cannot slip a foreign card into the tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativePcscBinding } from '../../../native/pcsc-binding.ts';
import { listReaders } from '../../../native/readers.ts';

/** vpcd slot n is "Virtual PCD 00 0n" and takes its card on TCP port base + n. */
export const VPCD_READER = (slot = 0): string => `Virtual PCD 00 0${slot}`;
/** The packaged vpcd configuration's first port. */
export const VPCD_PACKAGED_PORT = 35963;
/** The port the tests' pcscd gives vpcd's first slot (the second slot gets the next one). */
export const TEST_VPCD_BASE_PORT = 35990;

const PCSCD_CANDIDATES = ['/usr/sbin/pcscd', '/usr/bin/pcscd', '/usr/local/sbin/pcscd'];
const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
const PCSCD_PID_FILE = '/run/pcscd/pcscd.pid';
const LOCK_DIR = '/tmp/eid-terminal-pcscd.lock';
/** Folder-name prefix of the generated reader.conf.d; also how an orphaned pcscd of ours is recognised. */
const CONFIG_PREFIX = 'eid-pcscd-conf-';
const LOG_LIMIT = 64 * 1024;

export interface PcscdHandle {
  /** TCP port of vpcd slot n, for VpcdBridge. */
  port(slot?: number): number;
  /** PC/SC reader name of vpcd slot n. */
  reader(slot?: number): string;
  /** Stops and starts pcscd again, waiting until it answers. */
  restart(): Promise<void>;
  /** Stops pcscd (idempotent). The card bridges notice and retry. */
  kill(): Promise<void>;
  /** Starts it again after kill(). */
  start(): Promise<void>;
  /** The last 64 KiB of pcscd's output, for failure messages. */
  log(): string;
}

interface TestLike {
  skip(message?: string): void;
  after(fn: () => unknown): void;
}

/** What is missing for the pcscd tests, or undefined when they can run. */
export function pcscdUnavailableReason(): string | undefined {
  if (!findPcscd()) return 'pcscd is not installed (Debian package pcscd)';
  if (!existsSync(VPCD_DRIVER)) return 'the vpcd driver is not installed (Debian package vsmartcard-vpcd)';
  if (process.getuid?.() !== 0) return 'pcscd tests need root to start pcscd';
  return undefined;
}

export interface PcscdOptions {
  /** vpcd's first port; VPCD_PACKAGED_PORT uses the packaged /etc/reader.conf.d. */
  readonly vpcdBasePort?: number;
  readonly timeoutMs?: number;
  /**
   * How long to wait for another test file's pcscd to finish (default 10 minutes: another
   * part's suite may read many cards through vpcd at ~50 ms per APDU).
   */
  readonly lockTimeoutMs?: number;
}

/**
 * Starts pcscd for the test `t` (stopped in t.after) and returns its handle; undefined when the
 * test was skipped. Throws in CI when pcscd cannot run.
 */
export async function requirePcscd(t: TestLike, options: PcscdOptions = {}): Promise<PcscdHandle | undefined> {
  const reason = pcscdUnavailableReason();
  if (reason) {
    if (process.env.CI) throw new Error(`pcscd integration tests cannot run in CI: ${reason}`);
    t.skip(`skipped: ${reason}`);
    return undefined;
  }
  const releaseLock = await acquireLock(options.lockTimeoutMs ?? 600_000);
  const handle = new OwnedPcscd(options.vpcdBasePort ?? TEST_VPCD_BASE_PORT, options.timeoutMs ?? 10_000);
  const cleanup = async (): Promise<void> => {
    await handle.kill();
    handle.dispose();
    releaseLock();
  };
  t.after(cleanup);
  try {
    await handle.start();
  } catch (e) {
    await cleanup();
    throw e;
  }
  return handle;
}

class OwnedPcscd implements PcscdHandle {
  private child: ChildProcess | undefined;
  private output = '';
  /** reader.conf.d for pcscd -c; undefined = the packaged one. */
  private readonly configDir: string | undefined;

  constructor(
    private readonly basePort: number,
    private readonly timeoutMs: number,
  ) {
    if (basePort !== VPCD_PACKAGED_PORT) {
      this.configDir = mkdtempSync(join(tmpdir(), CONFIG_PREFIX));
      const hex = `0x${basePort.toString(16).toUpperCase()}`;
      // Same lines as the packaged /etc/reader.conf.d/vpcd, another port.
      writeFileSync(
        join(this.configDir, 'vpcd'),
        `FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:${hex}\nLIBPATH      ${VPCD_DRIVER}\nCHANNELID    ${hex}\n`,
      );
    }
  }

  port(slot = 0): number {
    return this.basePort + slot;
  }

  reader(slot = 0): string {
    return VPCD_READER(slot);
  }

  /** Removes the generated configuration (after the final kill). */
  dispose(): void {
    if (this.configDir) rmSync(this.configDir, { recursive: true, force: true });
  }

  log(): string {
    return this.output;
  }

  async start(): Promise<void> {
    if (this.child) return;
    let foreign = runningPcscdPid();
    if (foreign !== undefined && isOrphanOfOurs(foreign)) {
      // Left behind by a test process that was killed (timeout, Ctrl-C): ours to clean up.
      const orphanConfig = configDirOf(foreign);
      process.kill(foreign, 'SIGKILL');
      await waitGone(foreign, 3000);
      if (orphanConfig) rmSync(orphanConfig, { recursive: true, force: true });
      foreign = runningPcscdPid();
    }
    if (foreign !== undefined) {
      throw new Error(
        `another pcscd (pid ${foreign}) is already running; the integration tests need their own. Stop it first (kill ${foreign}).`,
      );
    }
    removeStaleRunFiles();
    const args = ['--foreground', '--info', ...(this.configDir ? ['--config', this.configDir] : [])];
    const child = spawn(findPcscd()!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const append = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-LOG_LIMIT);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    killOnExit.add(child);
    await this.waitReady();
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    killOnExit.delete(child);
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Ready = a PC/SC client sees vpcd's reader. */
  private async waitReady(): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`pcscd exited during start-up:\n${this.output}`);
      try {
        const context = nativePcscBinding().establishContext();
        try {
          if (context.listReaders().some((r) => r.name === VPCD_READER(0))) return;
        } finally {
          context.close();
        }
      } catch (e) {
        last = e;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`pcscd did not show "${VPCD_READER(0)}" within ${this.timeoutMs} ms (${String(last)}):\n${this.output}`);
  }
}

function findPcscd(): string | undefined {
  return PCSCD_CANDIDATES.find((p) => existsSync(p));
}

/** The pid of a pcscd already running (not ours), from its pid file, if that process lives. */
function runningPcscdPid(): number | undefined {
  try {
    const pid = Number(readFileSync(PCSCD_PID_FILE, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) return pid;
  } catch {
    // No pid file: none running.
  }
  const pgrep = spawnSync('pgrep', ['-x', 'pcscd'], { encoding: 'utf8', timeout: 2000 });
  const pids = (pgrep.stdout ?? '').split('\n').map(Number).filter((p) => Number.isInteger(p) && p > 0);
  return pids.find(alive);
}

/** Alive and not a zombie (an exited pcscd whose parent has not reaped it yet holds nothing). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // No /proc (not Linux): trust kill(0).
  }
}

/**
 * pcscd refuses to start while its pid file names a live process, and a zombie counts as live
 * (containers whose init does not reap). With no real pcscd running, the files are stale.
 */
function removeStaleRunFiles(): void {
  let pid = NaN;
  try {
    pid = Number(readFileSync(PCSCD_PID_FILE, 'utf8').trim());
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) return;
  rmSync(PCSCD_PID_FILE, { force: true });
  rmSync(PCSCD_PID_FILE.replace(/pcscd\.pid$/, 'pcscd.comm'), { force: true });
}

/** A pcscd started by this helper (its private config folder) whose test process is gone. */
function isOrphanOfOurs(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return cmdline.includes(CONFIG_PREFIX) && (parent === 1 || !alive(parent));
  } catch {
    return false;
  }
}

/** The --config folder on a pcscd command line, when it is one of ours. */
function configDirOf(pid: number): string | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const dir = args[args.indexOf('--config') + 1];
    return dir?.includes(CONFIG_PREFIX) ? dir : undefined;
  } catch {
    return undefined;
  }
}

async function waitGone(pid: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

/** A lock directory holding the owner's pid; a dead owner's lock is taken over. */
async function acquireLock(timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(`${LOCK_DIR}/pid`, String(process.pid));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(LOCK_DIR, { recursive: true, force: true });
      };
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(`${LOCK_DIR}/pid`, 'utf8'));
      } catch {
        // Lock being created right now; retry below.
      }
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`pcscd lock ${LOCK_DIR} held by pid ${owner} for over ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** pcscd must not outlive a crashed or interrupted test process. */
const killOnExit = new Set<ChildProcess>();
function killChildren(): void {
  for (const child of killOnExit) child.kill('SIGKILL');
  killOnExit.clear();
}
process.once('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killChildren();
    process.kill(process.pid, signal); // the default action now that our handler is gone
  });
}

/** Waits until pcscd shows `reader` with (or without) a card. */
export async function waitForCardState(reader: string, present: boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((listReaders().find((r) => r.name === reader)?.cardPresent ?? false) !== present) {
    if (Date.now() > deadline) throw new Error(`${reader} still ${present ? 'empty' : 'holds a card'} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
