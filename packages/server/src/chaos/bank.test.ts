import { describe, expect, it } from 'vitest';
import { isPostgresReachable } from '../store/testing';
import { runBankTest } from './bank';
import { formatSummary } from './summary';

const reachable = await isPostgresReachable();
if (!reachable) process.stderr.write('PostgreSQL is not reachable: the bank test needs it and is left out.\n');

/**
 * The short bank test inside `npm test`: the full one (`npm run test:chaos`, 32 clients for 60
 * seconds and a PostgreSQL restart) at a size that fits the suite. Two instances, backends killed
 * at random, retries with the same key, the test clock moving; then every check of `checks.ts`.
 */
describe.skipIf(!reachable)('the bank test, short', () => {
  it('loses no money and does every acknowledged request exactly once while backends are killed', async () => {
    const report = await runBankTest({
      clients: 12,
      seconds: 8,
      faults: { intervalMs: [300, 900], maxBackends: 2 },
      clock: { stepSeconds: 4 * 60 * 60, everyMs: 400, atOnce: 2 },
    });
    const summary = report.summary;
    // The run must have done real work under real faults for its checks to mean anything.
    expect(summary.succeeded, formatSummary(summary)).toBeGreaterThan(100);
    expect(summary.faults.kills, formatSummary(summary)).toBeGreaterThan(0);
    expect(summary.replays, formatSummary(summary)).toBeGreaterThan(0);
    expect(report.problems, formatSummary(summary)).toEqual([]);
  }, 180_000);
});
