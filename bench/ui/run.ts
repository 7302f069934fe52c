// `npm run bench:ui`: how `PayoutsList` behaves with 10,000 payouts in Chromium (Debian's, with the
// launch options of every browser test here, see chromium.config.ts). It builds the benchmark page
// (bench/ui/page) for production, serves it on 127.0.0.1, and for each run in a fresh tab measures:
//   - render: from `render()` to the first frame painted with rows, for one page of 10,000 payouts
//     (every row checked against the payout contract, the table model built, the body virtualized);
//   - wheel: frame times while the list scrolls 40 px a frame (2,400 px a second), as a mouse
//     wheel or a flick does: a few new rows each frame;
//   - drag: frame times while the list goes from the first row to the last in 300 frames, as when
//     the scrollbar is dragged: about 30 new rows each frame;
//   - jumps: frame times while each frame jumps to a random place in the list (the worst case:
//     every row on screen is new in every frame);
//   - re-sort: from a click on the Amount header to the first frame with the re-sorted 10,000 rows.
// Then it measures the time to interactive of the onboarding widget in the demo (bench/ui/onboarding.ts).
// Options: --runs N (default 5, for both), --rows N (default 10000), --write (put the results into
// bench/results/ui.md), --port N (default 4327), --only table|onboarding (run one of the two).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import type { Browser, Page } from 'playwright';
import { format, resolveConfig } from 'prettier';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../chromium.config';
import { loadAverage, percentile } from '../ledger/stats';
import { measureOnboarding, onboardingReport } from './onboarding';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = resolve(here, '../results/ui.md');
const OUT_DIR = resolve(here, '../../node_modules/.cache/bench-ui');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}
const runs = option('runs', 5);
const rows = option('rows', 10_000);
const port = option('port', 4327);
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
if (only !== undefined && only !== 'table' && only !== 'onboarding') {
  throw new Error('--only must be table or onboarding');
}

interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Frames that took longer than one 60 Hz frame (16.7 ms), that is dropped frames. */
  over16Ms: number;
  longTasks: number;
  /** The most table rows in the DOM at any frame: what virtualization keeps it to. */
  maxDomRows: number;
}

interface RunResult {
  renderMs: number;
  wheel: FrameStats;
  drag: FrameStats;
  jumps: FrameStats;
  resortMs: number;
}

type ScrollMode = 'wheel' | 'drag' | 'jumps';

/** Pixels a wheel-like scroll moves each frame. */
const WHEEL_STEP_PX = 40;

/** Scrolls the payouts region for `frames` frames, recording how long each frame took. */
async function scrollFrames(page: Page, mode: ScrollMode, frames: number): Promise<FrameStats> {
  const sample = await page.evaluate(
    async ({ mode, frames, wheelStep }) => {
      const region = document.querySelector<HTMLElement>('[role="region"]');
      if (region === null) throw new Error('no scrolling region');
      region.scrollTop = 0;
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const deltas: number[] = [];
      let maxDomRows = 0;
      let seed = 42;
      const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
      await new Promise<void>((done) => {
        let previous: number | undefined;
        let frame = 0;
        const step = (time: number) => {
          if (previous !== undefined) deltas.push(time - previous);
          previous = time;
          maxDomRows = Math.max(maxDomRows, region.querySelectorAll('tbody tr[aria-rowindex]').length);
          const range = region.scrollHeight - region.clientHeight;
          region.scrollTop =
            mode === 'wheel' ? frame * wheelStep : mode === 'drag' ? (range * frame) / frames : range * random();
          frame += 1;
          if (frame <= frames) requestAnimationFrame(step);
          else done();
        };
        requestAnimationFrame(step);
      });
      observer.disconnect();
      return { deltas, longTasks: longTasks.length, maxDomRows };
    },
    { mode, frames, wheelStep: WHEEL_STEP_PX },
  );
  const sorted = [...sample.deltas].sort((a, b) => a - b);
  return {
    frames: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    maxMs: sorted.at(-1) ?? 0,
    over16Ms: sorted.filter((delta) => delta > 1000 / 60 + 1).length,
    longTasks: sample.longTasks,
    maxDomRows: sample.maxDomRows,
  };
}

/** Clicks the Amount header and waits for the first frame showing the largest payout first. */
async function resort(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const region = document.querySelector<HTMLElement>('[role="region"]');
    const button = [...document.querySelectorAll<HTMLButtonElement>('th button')].find((item) =>
      item.textContent.includes('Amount'),
    );
    if (region === null || button === undefined) throw new Error('no table to sort');
    region.scrollTop = 0;
    const before = region.querySelector('tbody tr[aria-rowindex="2"]')?.textContent;
    const start = performance.now();
    button.click();
    return new Promise<number>((done) => {
      const check = () => {
        const first = region.querySelector('tbody tr[aria-rowindex="2"]')?.textContent;
        if (first !== before && region.getAttribute('aria-busy') === null) done(performance.now() - start);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
}

async function measureRun(page: Page, url: string): Promise<RunResult> {
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name`
  // helper; the functions handed to `page.evaluate` run in the page, where it must exist too.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.goto(url);
  await page.waitForFunction(() => window.atriumRowsShown === true, undefined, { timeout: 60_000 });
  const renderMs = await page.evaluate(
    () => performance.measure('render', 'atrium:render-start', 'atrium:rows-shown').duration,
  );
  const wheel = await scrollFrames(page, 'wheel', 300);
  const drag = await scrollFrames(page, 'drag', 300);
  const jumps = await scrollFrames(page, 'jumps', 120);
  const resortMs = await resort(page);
  return { renderMs, wheel, drag, jumps, resortMs };
}

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** What the numbers were measured on; `page` says what was loaded and `loadAtEnd` is read after the runs. */
function machine(browserVersion: string, page: string, loadAtStart: string, loadAtEnd?: string): string[] {
  return [
    `- date: ${new Date().toISOString()}`,
    `- cores (nproc): ${command('nproc', [])}; CPU: ${cpus()[0]?.model ?? 'unknown'}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`,
    `- load average at start: ${loadAtStart}`,
    ...(loadAtEnd === undefined ? [] : [`- load average at end: ${loadAtEnd}`]),
    `- Chromium ${browserVersion} (${chromiumLaunchOptions.executablePath}), headless, software rendering (\`--disable-gpu\`), 1280×800 viewport`,
    `- Node.js ${process.version}; ${page}`,
  ];
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const ms = (value: number) => value.toFixed(1);

function frameRow(name: string, stats: FrameStats[]): string {
  const pick = (read: (item: FrameStats) => number) => median(stats.map(read));
  return `| ${name} | ${pick((s) => s.frames)} | ${ms(pick((s) => s.p50Ms))} | ${ms(pick((s) => s.p95Ms))} | ${ms(pick((s) => s.maxMs))} | ${pick((s) => s.over16Ms)} | ${pick((s) => s.longTasks)} | ${pick((s) => s.maxDomRows)} |`;
}

function report(results: RunResult[], machineLines: string[]): string {
  const renders = results.map((result) => result.renderMs);
  const resorts = results.map((result) => result.resortMs);
  return [
    `## PayoutsList with ${rows.toLocaleString('en-US')} payouts (${runs} runs, medians)`,
    '',
    ...machineLines,
    '',
    '| measure | median | min | max |',
    '| --- | ---: | ---: | ---: |',
    `| first render, \`render()\` to the first frame with rows (ms) | ${ms(median(renders))} | ${ms(Math.min(...renders))} | ${ms(Math.max(...renders))} |`,
    `| re-sort by amount, click to the first frame re-sorted (ms) | ${ms(median(resorts))} | ${ms(Math.min(...resorts))} | ${ms(Math.max(...resorts))} |`,
    '',
    '| scrolling | frames | p50 frame (ms) | p95 frame (ms) | max frame (ms) | frames over 16.7 ms | long tasks | most rows in the DOM |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    frameRow(
      `wheel, ${WHEEL_STEP_PX} px a frame`,
      results.map((result) => result.wheel),
    ),
    frameRow(
      'scrollbar drag, first row to last in 300 frames',
      results.map((result) => result.drag),
    ),
    frameRow(
      'jumps to a random place every frame',
      results.map((result) => result.jumps),
    ),
    '',
  ].join('\n');
}

/** Replaces the block between `<!-- bench:<name>:start -->` and its end marker, or appends one. */
async function writeBlock(name: string, text: string): Promise<void> {
  const START = `<!-- bench:${name}:start -->`;
  const END = `<!-- bench:${name}:end -->`;
  const previous = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
  const [head = '', rest] = previous.split(START);
  const tail = rest === undefined ? '\n' : (rest.split(END)[1] ?? '\n');
  const before = rest === undefined && head !== '' ? `${head.trimEnd()}\n\n` : head;
  // Formatted as the repository's Prettier check expects, so a re-run leaves the tree clean.
  const options = (await resolveConfig(RESULTS_FILE)) ?? {};
  writeFileSync(
    RESULTS_FILE,
    await format(`${before}${START}\n${text}${END}${tail}`, { ...options, parser: 'markdown' }),
  );
  console.log(`written to ${RESULTS_FILE}`);
}

async function tableBench(browser: Browser): Promise<string> {
  const loadAtStart = loadAverage();
  await build({
    configFile: false,
    root: resolve(here, 'page'),
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    build: { outDir: OUT_DIR, emptyOutDir: true, copyPublicDir: false },
  });
  const server = await preview({
    configFile: false,
    root: resolve(here, 'page'),
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  try {
    const results: RunResult[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      const result = await measureRun(page, `http://127.0.0.1:${port}/?rows=${rows}`);
      await page.close();
      console.log(
        `run ${run}: render ${ms(result.renderMs)} ms, wheel p95 ${ms(result.wheel.p95Ms)} ms, drag p95 ${ms(result.drag.p95Ms)} ms, jumps p95 ${ms(result.jumps.p95Ms)} ms, re-sort ${ms(result.resortMs)} ms`,
      );
      results.push(result);
    }
    const page = 'production build of the page (Vite, React 19 production mode)';
    return report(results, machine(browser.version(), page, loadAtStart));
  } finally {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

async function onboardingBench(browser: Browser): Promise<string> {
  const loadAtStart = loadAverage();
  const results = await measureOnboarding(browser, runs);
  const page = 'the demo as `npm start` builds and serves it (Vite production builds, one Node process, PGlite)';
  return onboardingReport(results, machine(browser.version(), page, loadAtStart, loadAverage()));
}

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  // `block` names the section's markers in the results file; the table's kept its first name.
  const sections = [
    { name: 'table', block: 'ui', bench: tableBench },
    { name: 'onboarding', block: 'onboarding', bench: onboardingBench },
  ];
  for (const { name, block, bench } of sections) {
    if (only !== undefined && only !== name) continue;
    const text = await bench(browser);
    console.log(`\n${text}`);
    if (process.argv.includes('--write')) await writeBlock(block, text);
  }
} finally {
  await browser.close();
}
