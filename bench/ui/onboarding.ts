// The onboarding part of `npm run bench:ui`: how long a new seller waits, on a cold cache, before
// the demo's onboarding widget takes input. It starts the demo as `npm start` does (both bundles
// built for production, one Node process) on a throwaway data dir and a free port, and for each
// run signs a new US individual seller up through the demo's own sign-up call (the request the
// "Start selling" form sends), then opens that seller's dashboard in a fresh browser context and
// measures, in the page:
//   - time to interactive: from navigation start (`performance.timeOrigin`) to the first animation
//     frame in which the "First name" field of the "Personal details" step is visible and enabled;
//   - the JavaScript transferred by then (the `transferSize` of every `.js` resource finished by
//     then) and the requests to `/v1/embedded/*` started by then.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { percentile } from '../ledger/stats';

declare global {
  interface Window {
    /** `performance.now()` in the first frame where "First name" took input; set by `watchFirstName`. */
    atriumOnboardingInteractiveMs?: number;
  }
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** `npm start` builds both bundles before it listens; on two busy cores that takes a while. */
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 20_000;
const VIEWPORT = { width: 1280, height: 800 };

/** One page load of a new seller's dashboard, up to the moment the onboarding took input. */
export interface OnboardingRun {
  interactiveMs: number;
  scriptBytes: number;
  scriptFiles: number;
  embeddedRequests: number;
}

interface Demo {
  baseUrl: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address === null || typeof address === 'string') fail(new Error('no port to listen on'));
        else done(address.port);
      });
    });
  });
}

/** Resolves once the process exits; after `timeoutMs` kills it outright (its server may then outlive it). */
async function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

/** Waits for the banner `scripts/start.mjs` prints once the demo is seeded; the server's log lines go to stderr. */
async function waitForBanner(child: ChildProcess): Promise<void> {
  const stdout = child.stdout;
  if (stdout === null) throw new Error('the demo has no stdout');
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the demo did not start in time')), START_TIMEOUT_MS);
    child.once('exit', (code) => fail(new Error(`the demo exited with code ${code ?? 'none'} before it started`)));
    createInterface({ input: stdout }).on('line', (line) => {
      if (line.startsWith('{')) console.error(`demo: ${line}`);
      if (line.startsWith('Atrium is running.')) {
        clearTimeout(timer);
        done();
      }
    });
  });
}

/** Starts the demo as `npm start` does, the way scripts/e2e-server.mjs does, on a throwaway data dir. */
async function startDemo(): Promise<Demo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-bench-ui-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      ATRIUM_DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ATRIUM_SECRET_KEY: `sk_test_bench${randomBytes(16).toString('hex')}`,
    },
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await exited(child, STOP_TIMEOUT_MS);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForBanner(child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}

/** Signs a new US individual seller up with the request the demo's "Start selling" form sends. */
async function signUpSeller(baseUrl: string, run: number): Promise<string> {
  const response = await fetch(`${baseUrl}/demo/api/sellers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: `Bench Watches ${run}`,
      email: `bench${run}@example.com`,
      country: 'US',
      businessType: 'individual',
    }),
  });
  const body = (await response.json()) as { seller?: { id?: string } };
  const id = body.seller?.id;
  if (!response.ok || id === undefined || !/^acct_[A-Za-z0-9]+$/.test(id)) {
    throw new Error(`signing a seller up answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return id;
}

/**
 * Runs in the page from its first script on: checks every animation frame whether the "First name"
 * field is visible and enabled, as Playwright's `toBeVisible` and `toBeEnabled` would, and notes the
 * time of the first frame where it is. Polling in the page, rather than from the test, keeps the
 * round trips to the browser out of the figure.
 */
function watchFirstName(): void {
  const firstNameTakesInput = (): boolean => {
    for (const label of document.getElementsByTagName('label')) {
      if (label.textContent.trim() !== 'First name') continue;
      const field = label.control;
      const box = field?.getBoundingClientRect();
      if (field && box && box.width > 0 && box.height > 0 && field.checkVisibility({ visibilityProperty: true })) {
        return !field.matches(':disabled') && field.getAttribute('aria-disabled') !== 'true';
      }
    }
    return false;
  };
  const check = () => {
    if (firstNameTakesInput()) window.atriumOnboardingInteractiveMs = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** What the page had loaded when it became interactive, read from its resource timing entries. */
async function loadedBy(page: Page, interactiveMs: number): Promise<Omit<OnboardingRun, 'interactiveMs'>> {
  return page.evaluate((until) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const scripts = entries.filter(
      (entry) => new URL(entry.name).pathname.endsWith('.js') && entry.responseEnd <= until,
    );
    const embedded = entries.filter(
      (entry) => new URL(entry.name).pathname.startsWith('/v1/embedded/') && entry.startTime <= until,
    );
    return {
      scriptBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
      scriptFiles: scripts.length,
      embeddedRequests: embedded.length,
    };
  }, interactiveMs);
}

async function measureRun(browser: Browser, url: string): Promise<OnboardingRun> {
  // A new context has its own empty HTTP cache: every run loads the page cold.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name`
    // helper; the functions handed to the page run there, where it must exist too.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await page.addInitScript(watchFirstName);
    await page.goto(url, { waitUntil: 'commit' });
    const interactive = await page.waitForFunction(() => window.atriumOnboardingInteractiveMs, undefined, {
      timeout: 60_000,
    });
    const interactiveMs = Number(await interactive.jsonValue());
    // The field the page watched is the one the journeys fill in: checked by role and label.
    const firstName = page.getByRole('region', { name: 'Personal details' }).getByLabel('First name', { exact: true });
    if (!(await firstName.isVisible()) || !(await firstName.isEnabled())) {
      throw new Error('"First name" of "Personal details" is not the field that took input');
    }
    // Requests started before the field took input are counted once they have finished.
    await page.waitForLoadState('networkidle');
    return { interactiveMs, ...(await loadedBy(page, interactiveMs)) };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => value.toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * Starts the demo, measures one unrecorded run (the server's first requests compile its code)
 * and then `runs` runs, each with a new seller, and stops the demo, also when a run fails.
 */
export async function measureOnboarding(browser: Browser, runs: number): Promise<OnboardingRun[]> {
  const demo = await startDemo();
  try {
    const results: OnboardingRun[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const accountId = await signUpSeller(demo.baseUrl, run);
      const result = await measureRun(browser, `${demo.baseUrl}/seller/${accountId}`);
      console.log(
        `${run === 0 ? 'warm-up' : `run ${run}`}: interactive after ${ms(result.interactiveMs)} ms, ${kib(result.scriptBytes)} KiB of JavaScript in ${result.scriptFiles} files, ${result.embeddedRequests} requests to /v1/embedded`,
      );
      if (run > 0) results.push(result);
    }
    return results;
  } finally {
    await demo.stop();
  }
}

function row(name: string, values: number[], show: (value: number) => string): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `| ${name} | ${show(percentile(sorted, 0.5))} | ${show(sorted[0] ?? 0)} | ${show(sorted.at(-1) ?? 0)} |`;
}

/** The results section: a heading, what is measured, the machine's lines and the table. */
export function onboardingReport(results: OnboardingRun[], machineLines: string[]): string {
  const pick = (read: (result: OnboardingRun) => number) => results.map(read);
  return [
    `## AccountOnboarding in the demo: time to interactive (${results.length} runs, medians)`,
    '',
    'A new US individual seller opens the dashboard (`/seller/acct_...`) of the demo as `npm start` serves it, in a',
    'fresh browser context (cold cache). Time to interactive runs from navigation start to the first animation frame',
    'in which the "First name" field of the onboarding\'s "Personal details" step is visible and enabled: the page,',
    "the demo's seller list, the account session, the widget's reads of `/v1/embedded/*` and its step forms loaded on",
    'demand. JavaScript is the `transferSize` of the `.js` files finished by then (the demo serves them uncompressed);',
    'requests are those to `/v1/embedded/*` started by then. One unrecorded run first warms the server up.',
    '',
    ...machineLines,
    '',
    '| measure | median | min | max |',
    '| --- | ---: | ---: | ---: |',
    row(
      'time to interactive, navigation start to "First name" enabled (ms)',
      pick((r) => r.interactiveMs),
      ms,
    ),
    row(
      'JavaScript transferred by then (KiB)',
      pick((r) => r.scriptBytes),
      kib,
    ),
    row(
      'JavaScript files by then',
      pick((r) => r.scriptFiles),
      String,
    ),
    row(
      'requests to `/v1/embedded/*` by then',
      pick((r) => r.embeddedRequests),
      String,
    ),
    '',
  ].join('\n');
}
