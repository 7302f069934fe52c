// `npm start`: builds the browser bundles (hosted pages and demo), then runs the BFF and the demo on one port.
// One Node process serves both, so SIGTERM stops everything cleanly.
import { spawn, spawnSync } from 'node:child_process';

// The BFF's hosted pages (behind account links) and the demo are two browser bundles.
for (const [root, what] of [
  ['packages/server/hosted', 'the hosted pages'],
  ['apps/demo', 'the demo'],
]) {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', root], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error(`atrium: building ${what} failed; see the lines above.`);
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', 'apps/demo/server/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
