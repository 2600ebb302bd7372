import { describe, expect, it } from 'vitest';
import { isValidSchedule, schedule } from '../../../src/jobs/schedule.js';

describe('schedule', () => {
  it.each(['*/30 * * * *', '* * * * * *', '0 6 * * 1-5'])('accepts %s', (expr) => {
    expect(isValidSchedule(expr)).toBe(true);
  });
  it.each(['every hour', '61 * * * *', ''])('rejects %j', (expr) => {
    expect(isValidSchedule(expr)).toBe(false);
  });

  it('runs the job, never two at once, and stops after the run in progress', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = schedule(
      '* * * * * *',
      async () => {
        running++;
        overlapped ||= running > 1;
        runs++;
        await gate; // hold the first run across several ticks
        running--;
      },
      () => {},
    );
    expect(s.nextRun()).toBeInstanceOf(Date);
    while (runs === 0) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 2100));
    expect(s.busy()).toBe(true);
    const stopped = s.stop();
    release();
    await stopped;
    expect(overlapped).toBe(false);
    expect(runs).toBe(1);
    expect(s.nextRun()).toBeNull();
  });
});
