import type { Database } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type DatabaseConfig =
  { kind: 'postgres'; url: string; maxConnections?: number } | { kind: 'pglite'; dataDir: string | undefined };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    return openPostgres({
      connectionString: config.url,
      ...(config.maxConnections === undefined ? {} : { maxConnections: config.maxConnections }),
    });
  }
  return openPglite(config.dataDir);
}
