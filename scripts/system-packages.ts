/**
 * Installs the Debian packages of scripts/system-packages.txt that are missing, when this machine
 * can: Debian or Ubuntu, as root or with password-less sudo. Elsewhere nothing is installed and the
 * tests that need a missing part skip, named in the test runner's closing table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LIST = fileURLToPath(new URL('./system-packages.txt', import.meta.url));

/** The package names of the list (comments and blank lines dropped). */
export function systemPackages(text = readFileSync(LIST, 'utf8')): string[] {
  return text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
}

function installed(name: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** How to run apt-get here: directly as root, through sudo without a password, or not at all. */
function aptRunner(): string[] | undefined {
  if (!existsSync('/etc/debian_version') || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : undefined;
}

/** Installs what is missing; returns the packages it installed (empty when none or when it cannot). */
export function installMissingSystemPackages(): string[] {
  const runner = aptRunner();
  if (!runner) return [];
  const missing = systemPackages().filter((p) => !installed(p));
  if (missing.length === 0) return [];
  console.log(`Installing the system packages the tests need: ${missing.join(' ')} (scripts/system-packages.txt)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]): boolean => {
    const [command, ...rest] = [...runner, 'apt-get', ...args];
    return spawnSync(command!, rest, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  };
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', ...missing])) {
    console.log('Installing them failed; the tests that need them will say so.');
    return [];
  }
  return missing;
}
