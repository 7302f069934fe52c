import { runMain } from './run-main';

await runMain();
