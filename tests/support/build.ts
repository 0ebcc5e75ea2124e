import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../electron/app/paths';

// Tests of the built artefacts (tests/built, the CLI and harness tests, the e2e suite) read `out/`. Vitest
// builds it once per run, so they never test yesterday's build; `npm test` builds before vitest and sets
// KOPRU_SKIP_BUILD=1.

export const OUT = path.join(projectRoot(), 'out');

export default function buildOnce(): void {
  if (process.env.KOPRU_SKIP_BUILD === '1') return;
  const bin = path.join(projectRoot(), 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  try {
    execFileSync(process.execPath, [bin, 'build'], { cwd: projectRoot(), stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`electron-vite build failed before the tests:\n${stderr}`, { cause: error });
  }
}
