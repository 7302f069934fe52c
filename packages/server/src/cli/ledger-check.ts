// `npm run ledger:check`: recomputes every balance from the ledger's lines, checks every entry, and
// prints what is wrong. Exit code 0 when the ledger is sound, 1 when it is not, 2 when it cannot
// be checked (no database, no ledger tables, a bad setting). The database is DATABASE_URL, or the
// embedded one under ATRIUM_DATA_DIR (default .atrium).
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { checkLedger, ledgerCounts } from '../ledger';
import { openDatabase } from '../store/open';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function check(): Promise<number> {
  const config = loadConfig();
  if (config.database.kind === 'pglite' && (!config.database.dataDir || !existsSync(config.database.dataDir))) {
    console.error(
      `ledger check: there is no database at ${config.database.dataDir ?? '(memory)'}; set DATABASE_URL or ATRIUM_DATA_DIR.`,
    );
    return 2;
  }
  const db = await openDatabase(config.database);
  try {
    const [tables] = await db.query<{ present: boolean }>(
      `SELECT to_regclass('ledger_entries') IS NOT NULL AS present`,
    );
    if (!tables?.present) {
      console.error('ledger check: the database has no ledger tables; start the server once so migrations run.');
      return 2;
    }
    const counts = await ledgerCounts(db);
    const problems = await checkLedger(db);
    const summary = [
      count(counts.accounts, 'account', 'accounts'),
      count(counts.entries, 'entry', 'entries'),
      count(counts.lines, 'line', 'lines'),
    ].join(', ');
    if (problems.length === 0) {
      console.log(`ledger check: ok (${summary})`);
      return 0;
    }
    for (const problem of problems) console.log(`${problem.code}: ${problem.message}`);
    console.log(`ledger check: ${count(problems.length, 'problem', 'problems')} (${summary})`);
    return 1;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await check();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`ledger check: ${error.message}`);
  process.exitCode = 2;
}
