import type { Logger } from 'pino';

/**
 * A background job: `runBatch` claims and processes up to a batch of due items and says how many
 * it handled. Claims use row locks (`FOR UPDATE SKIP LOCKED`) and state guards, so N instances can
 * run the same job at once and each item is processed once.
 */
export interface Job {
  name: string;
  runBatch(): Promise<number>;
}

export interface JobRunner {
  /** Runs every job until none has anything due; the test clock calls this before it answers. */
  runDue(): Promise<void>;
  /** Polls in the background every `intervalMs`. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** A bound on rounds per `runDue`, so a job that keeps finding work cannot hold a request forever. */
const MAX_ROUNDS = 1_000;

export function createJobRunner(jobs: readonly Job[], logger: Logger): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const runDue = async () => {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      let handled = 0;
      for (const job of jobs) {
        try {
          handled += await job.runBatch();
        } catch (error) {
          // One failing job must not stop the others; it is tried again on the next round.
          logger.error({ err: error, job: job.name }, 'job failed');
        }
      }
      if (handled === 0) return;
    }
    logger.warn({ rounds: MAX_ROUNDS }, 'jobs still had work after the round limit');
  };

  const tick = () => {
    if (running || stopped) return;
    running = runDue().finally(() => {
      running = undefined;
    });
  };

  return {
    runDue,
    start(intervalMs) {
      stopped = false;
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
