import { readFileSync } from 'node:fs';
import { accountTransferEntry } from '@atrium/core';
import { LEDGER_ISOLATION, postEntry } from '../../packages/server/src/ledger/post';
import { recordEvent } from '../../packages/server/src/services/events';
import type { Database } from '../../packages/server/src/store/db';
import { storeResult } from '../../packages/server/src/store/operation';
import type { Profile } from './profiles';
import { accountId } from './profiles';

const STEPS = ['claim key', 'post entry', 'record event', 'store answer', 'begin + commit'] as const;
type Step = (typeof STEPS)[number];

/** CPU time in microseconds the server process `pid` has used so far (from /proc, in 10 ms ticks). */
function serverMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function nodeMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Where one transfer's time goes: transfers run one at a time on a database opened with a single
 * connection, and the server process's CPU time (local server only) and Node's are charged to each
 * step of the product's path. Returns table rows: step, server µs, Node µs per transfer.
 */
export async function measureSteps(db: Database, profile: Profile, count: number, tag: string): Promise<string[]> {
  const [backend] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = backend?.pid ?? 0;
  const server = new Map<Step, number>(STEPS.map((step) => [step, 0]));
  const node = new Map<Step, number>(STEPS.map((step) => [step, 0]));
  const charge = async (step: Step, work: () => Promise<unknown>) => {
    const [serverBefore, nodeBefore] = [serverMicros(pid), nodeMicros()];
    await work();
    server.set(step, (server.get(step) ?? 0) + serverMicros(pid) - serverBefore);
    node.set(step, (node.get(step) ?? 0) + nodeMicros() - nodeBefore);
  };
  for (let index = 0; index < count; index += 1) {
    const key = `steps${tag}${index}`;
    const transferId = `tr_steps${tag}${index}`;
    const from = accountId(profile, index % profile.accounts);
    const to = accountId(profile, (index + 1) % profile.accounts);
    const draft = accountTransferEntry({
      transferId,
      from,
      to,
      currency: profile.currency,
      amountMinor: 1,
      feeMinor: 0,
    });
    const [serverBefore, nodeBefore] = [serverMicros(pid), nodeMicros()];
    const inSteps = [...server.values()].reduce((sum, value) => sum + value, 0);
    const inStepsNode = [...node.values()].reduce((sum, value) => sum + value, 0);
    await db.transaction(LEDGER_ISOLATION, async (tx) => {
      // The statement runOperation sends to claim a key.
      await charge('claim key', () => tx.query('SELECT * FROM idempotency_claim($1, $2)', ['platform:bench:', key]));
      await charge('post entry', () => postEntry(tx, draft));
      await charge('record event', () =>
        recordEvent(tx, { type: 'transfer.created', accountId: from, object: { id: transferId } }),
      );
      await charge('store answer', () =>
        storeResult(
          tx,
          { scope: 'platform:bench:', key, requestHash: transferId },
          { status: 200, body: { id: transferId } },
        ),
      );
    });
    const stepsServer = [...server.values()].reduce((sum, value) => sum + value, 0) - inSteps;
    const stepsNode = [...node.values()].reduce((sum, value) => sum + value, 0) - inStepsNode;
    server.set('begin + commit', (server.get('begin + commit') ?? 0) + serverMicros(pid) - serverBefore - stepsServer);
    node.set('begin + commit', (node.get('begin + commit') ?? 0) + nodeMicros() - nodeBefore - stepsNode);
  }
  const perTransfer = (value: number | undefined) => Math.round((value ?? 0) / count);
  const rows = STEPS.map((step) => `| ${step} | ${perTransfer(server.get(step))} | ${perTransfer(node.get(step))} |`);
  const total = (map: Map<Step, number>) => perTransfer([...map.values()].reduce((sum, value) => sum + value, 0));
  return [...rows, `| total | ${total(server)} | ${total(node)} |`];
}
