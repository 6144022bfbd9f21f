import { execFileSync } from 'node:child_process';

/**
 * Skip reason for tests that check our output with the openssl command, or false when it is
 * installed. CI installs openssl, so there a missing binary fails the test instead of skipping it.
 */
export const opensslSkip: string | false = (() => {
  try {
    execFileSync('openssl', ['version']);
    return false;
  } catch {
    if (process.env.CI) return false;
    return 'openssl is not installed';
  }
})();
