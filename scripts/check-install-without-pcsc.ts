/**
 * CI step: a fresh machine without the PC/SC development files can install and run the terminal.
 * Copies the checkout to a scratch folder, runs `npm ci` there with /usr/include/PCSC hidden (a
 * private mount namespace as root; elsewhere an install without optional packages, which is what
 * such a machine ends up with), checks the binding is really absent, then runs the CLI test of a
 * machine without the binding (readers, read, and serve verifying a sample card on the virtual
 * reader) in that copy.
 *
 *   node --import tsx scripts/check-install-without-pcsc.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PCSC_HEADERS = '/usr/include/PCSC';
const NPM_CI = 'npm ci --no-audit --no-fund --prefer-offline --loglevel=error';

function run(command: string, args: readonly string[], cwd: string): void {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** The install command, and how the PC/SC headers are kept out of its sight. */
function installWithoutHeaders(copy: string): string {
  if (!existsSync(PCSC_HEADERS)) {
    run('sh', ['-c', NPM_CI], copy);
    return 'no PC/SC headers on this machine';
  }
  if (process.getuid?.() === 0 && spawnSync('unshare', ['--version']).status === 0) {
    const empty = join(copy, '.empty-pcsc');
    mkdirSync(empty);
    run('unshare', ['-m', 'sh', '-c', `mount --bind '${empty}' ${PCSC_HEADERS} && test ! -e ${PCSC_HEADERS}/winscard.h && ${NPM_CI}`], copy);
    return `${PCSC_HEADERS} hidden by an empty bind mount`;
  }
  run('sh', ['-c', `${NPM_CI} --omit=optional`], copy);
  return 'optional packages omitted (not root: headers cannot be hidden)';
}

const work = mkdtempSync(join(tmpdir(), 'eid-no-pcsc-'));
const copy = join(work, 'eid-terminal');
try {
  mkdirSync(copy);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  execFileSync('tar', ['--null', '-T', '-', '-cf', join(work, 'src.tar')], { cwd: ROOT, input: files });
  execFileSync('tar', ['-xf', join(work, 'src.tar')], { cwd: copy });
  const how = installWithoutHeaders(copy);
  const loads = spawnSync(process.execPath, ['-e', "require('smartcard')"], { cwd: copy, stdio: 'ignore' }).status === 0;
  if (loads) throw new Error('the PC/SC binding was installed although the headers were hidden');
  console.log(`npm ci succeeded without the PC/SC binding (${how}); the CLI on that install:`);
  run(process.execPath, ['scripts/run-tests.js', 'test/integration/without-pcsc.test.ts'], copy);
} finally {
  rmSync(work, { recursive: true, force: true });
}
