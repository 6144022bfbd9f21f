/**
 * Runs `eid-terminal` as a user does (a real process through bin/eid-terminal.js), optionally with
 * the PC/SC binding made unloadable, and collects what it prints.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/eid-terminal.js', import.meta.url));
const WITHOUT_SMARTCARD = fileURLToPath(new URL('./without-smartcard.cjs', import.meta.url));

export interface CliOptions {
  /** Make `require('smartcard')` fail, as where the optional package did not build. */
  readonly withoutBinding?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Run through this npm script (`npm run <script> -- args`) instead of bin/eid-terminal.js. */
  readonly npmScript?: string;
  /** Standard input of a command that ends by itself. */
  readonly input?: string;
}

/**
 * The environment of the command. Without the binding, the preload goes into NODE_OPTIONS so that
 * every Node process the command starts (serve and start run service/main.ts as a child) lacks it too.
 */
function cliEnv(options: CliOptions): NodeJS.ProcessEnv {
  const env = { ...process.env, ...options.env };
  if (options.withoutBinding) env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require ${JSON.stringify(WITHOUT_SMARTCARD)}`].filter(Boolean).join(' ');
  return env;
}

/** A command that ends by itself. */
export function runCli(args: readonly string[], options: CliOptions = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: cliEnv(options), timeout: 60_000, ...(options.input !== undefined && { input: options.input }) });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A command that ends by itself, without blocking this process (for a server the test runs itself). */
export function runCliAsync(args: readonly string[], options: CliOptions = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(options), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
  child.stdin.end(options.input ?? '');
  return new Promise((resolve) => child.once('close', (code) => resolve({ status: code ?? -1, stdout, stderr })));
}

/** A command that runs until stopped (`serve`, `start`): its output so far, and a way to wait for a line. */
export class RunningCli {
  readonly child: ChildProcess;
  #output = '';
  #listeners: (() => void)[] = [];
  readonly #group: boolean;

  constructor(args: readonly string[], options: CliOptions = {}) {
    const env = cliEnv(options);
    // npm runs the command in a child of its own: a process group lets Ctrl+C reach both.
    this.child = options.npmScript
      ? spawn('npm', ['run', '--silent', options.npmScript, '--', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
      : spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#group = options.npmScript !== undefined;
    const append = (chunk: Buffer): void => {
      this.#output += chunk.toString('utf8');
      for (const l of this.#listeners) l();
    };
    this.child.stdout!.on('data', append);
    this.child.stderr!.on('data', append);
  }

  /** stdout and stderr interleaved as they arrived. */
  get output(): string {
    return this.#output;
  }

  /** Resolves with the first match of `pattern` in the output; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs = 120_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const m = this.#output.match(pattern);
        if (m) done(() => resolve(m));
        return !!m;
      };
      const onExit = (): void => done(() => reject(new Error(`exited before printing ${pattern}:\n${this.#output}`)));
      const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.#output}`))), timeoutMs);
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        this.#listeners = this.#listeners.filter((l) => l !== listener);
        this.child.off('exit', onExit);
        settle();
      };
      const listener = (): void => void check();
      if (check()) return;
      this.#listeners.push(listener);
      this.child.once('exit', onExit);
    });
  }

  /** Sends Ctrl+C and waits for the exit status. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    const signal = (name: NodeJS.Signals): void => {
      try {
        if (this.#group && this.child.pid) process.kill(-this.child.pid, name);
        else this.child.kill(name);
      } catch {
        // Already gone between the check and the signal.
      }
    };
    signal('SIGINT');
    const timer = setTimeout(() => signal('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}

/** Lines of a stack trace or a raw error, which a user must never see. */
export function stackTraceLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s*at\s/.test(line) || line.includes('Error:'));
}
