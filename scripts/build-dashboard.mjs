// The root package's `prepare` script: npm 11 runs it on `npm install` (without package
// arguments) and on `npm ci`, after the dependencies are in place (docs.npmjs.com, "Scripts",
// prepare and the life cycle of install and ci). It builds the dashboard UI
// (`npm run build -w @customs/dashboard`: packages/dashboard/dist, never committed), so that
// `npm install && npm start` serves it with no extra step. A checkout without the dashboard
// package has nothing to build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync(new URL('../packages/dashboard/package.json', import.meta.url))) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build', '-w', '@customs/dashboard'], { stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
