import { execFileSync } from 'node:child_process';
import { skipUnlessCi } from '../../fixtures/setup-skip.ts';

/**
 * Skip reason for tests that check our output with the openssl command, or false when it is
 * installed. CI installs openssl, so there a missing binary fails the test instead of skipping it.
 */
export const opensslSkip: string | false = (() => {
  try {
    execFileSync('openssl', ['version']);
    return false;
  } catch {
    return skipUnlessCi({ suite: 'openssl cross-checks', missing: 'openssl is not installed', enable: 'sudo apt-get install openssl' });
  }
})();
