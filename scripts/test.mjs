// `npm test`: every check the project has, in order, with one summary at the end. It keeps going
// after a failure so one run shows everything that is wrong, and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('test-results', { recursive: true });

/** Each step: a name, a command, and where its test counts can be read afterwards (if it has any). */
const steps = [
  { name: 'typecheck', command: [bin('tsc'), '-b'] },
  { name: 'lint', command: [bin('eslint'), '--max-warnings', '0', '.'] },
  { name: 'format', command: [bin('prettier'), '--check', '--log-level', 'warn', '.'] },
  vitestStep('unit and integration', 'unit'),
  vitestStep('component tests (Chromium)', 'browser'),
  vitestStep('stories (Chromium)', 'storybook'),
  {
    name: 'end-to-end (Chromium)',
    command: [bin('playwright'), 'test'],
    env: { CI: '1' },
    counts: () => playwrightCounts('test-results/e2e.json'),
  },
];

function vitestStep(name, project) {
  const report = `test-results/vitest-${project}.json`;
  return {
    name,
    command: [
      bin('vitest'),
      'run',
      '--project',
      project,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    report,
    counts: () => vitestCounts(report),
  };
}

function vitestCounts(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return undefined;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const results = [];
for (const step of steps) {
  if (step.report) rmSync(step.report, { force: true });
  process.stdout.write(`\n=== ${step.name}: ${step.command.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = (Date.now() - started) / 1000;
  const counts = step.counts?.();
  results.push({ name: step.name, ok: run.status === 0, seconds, counts });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
process.stdout.write('\n=== summary\n');
for (const result of results) {
  const counts = result.counts;
  if (counts) for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  const detail = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : '';
  process.stdout.write(
    `${result.ok ? 'ok  ' : 'FAIL'}  ${result.name.padEnd(28)} ${result.seconds.toFixed(1).padStart(6)} s  ${detail}\n`,
  );
}
const failedSteps = results.filter((result) => !result.ok).length;
process.stdout.write(`\nsteps: ${results.length - failedSteps} passed, ${failedSteps} failed\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedSteps === 0 ? 0 : 1);
