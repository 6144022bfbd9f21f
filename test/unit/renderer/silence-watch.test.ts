/** The page's heartbeat check: silence as long as the limit, and only that, means the service is gone. */
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { SilenceWatch } from '../../../renderer/src/api/silence-watch.ts';

test('silence past the limit is told once; each message starts the time again; stop ends it', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let silences = 0;
    const watch = new SilenceWatch(2500, () => silences++);
    watch.heard();
    for (let i = 0; i < 5; i++) {
      mock.timers.tick(2000);
      watch.heard(); // a heartbeat every 2 s keeps it quiet
    }
    assert.equal(silences, 0);
    mock.timers.tick(2500);
    assert.equal(silences, 1);
    mock.timers.tick(10_000);
    assert.equal(silences, 1, 'told once, not again and again');
    watch.heard();
    watch.stop();
    mock.timers.tick(10_000);
    assert.equal(silences, 1, 'a stopped watch says nothing');
  } finally {
    mock.timers.reset();
  }
});
