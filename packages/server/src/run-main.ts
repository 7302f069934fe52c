import { ConfigError, loadConfig } from './config';
import type { ServerConfig } from './config';
import { startServer } from './start';
import type { RunningServer, StartOptions } from './start';

/**
 * The runnable entry shared by the BFF alone and by the demo: reads the environment, starts, prints
 * where things are, and stops cleanly on SIGTERM or SIGINT. A setting the operator must fix is one
 * line on stderr and exit code 1, never a stack trace.
 */
export async function runMain(
  options: Pick<StartOptions, 'extend'> & {
    /** Adjusts the settings read from the environment (the demo allows local webhook URLs). */
    configure?: (config: ServerConfig) => ServerConfig;
    /** Runs once the server listens, before the banner (the demo seeds its data here). */
    afterStart?: (running: RunningServer) => Promise<void>;
    banner?: (baseUrl: string) => string[];
  } = {},
): Promise<void> {
  let running;
  try {
    const config = loadConfig();
    running = await startServer({ config: options.configure?.(config) ?? config, extend: options.extend });
    await options.afterStart?.(running);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`atrium: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { baseUrl, secretKey } = running;
  const lines = [
    `Atrium is running.`,
    `  API:          ${baseUrl}/v1`,
    `  Health:       ${baseUrl}/healthz`,
    `  Secret key:   ${secretKey}`,
    ...(options.banner?.(baseUrl) ?? []),
  ];
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}; stopping.\n`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Listen for the signals before the banner: whoever reads the banner may stop the server at
  // once, and a signal with no listener yet would kill the process without a clean stop.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.stdout.write(`${lines.join('\n')}\n`);
}
