import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Runs the BFF's entry as an operator would, and collects what it prints and how it ends. */
function start(env: Record<string, string>, untilOutput?: RegExp) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, ATRIUM_DATA_DIR: mkdtempSync(join(tmpdir(), 'atrium-main-')), DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (untilOutput?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('starting the BFF', () => {
  it('prints where the API is and the secret key, then stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = await start({ PORT: String(port) }, /Secret key:\s+sk_test_\w+/);
    expect(run.stdout).toContain(`http://127.0.0.1:${port}/v1`);
    expect(run.stdout).toContain('Received SIGTERM; stopping.');
    expect(run.code).toBe(0);
  }, 60_000);

  it.each([
    [{ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere' }, /^atrium: Cannot connect to DATABASE_URL .*\n$/],
    [{ ATRIUM_SECRET_KEY: 'sk_test_oops' }, /^atrium: ATRIUM_SECRET_KEY must be sk_test_ followed by .*\n$/],
    [{ PORT: 'http' }, /^atrium: PORT must be a whole number .*\n$/],
  ])(
    'stops with one line saying what to fix for %o',
    async (env, message) => {
      const run = await start(env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
    },
    60_000,
  );

  it('stops with one line when the port is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const run = await start({ PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`atrium: Port ${port} on 127.0.0.1 is already in use; stop what uses it or set PORT.\n`);
    } finally {
      taken.close();
    }
  }, 60_000);
});
