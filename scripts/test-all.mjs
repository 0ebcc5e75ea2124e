#!/usr/bin/env node
// Runs every suite in order and sums them into one closing line, "N passed, N failed".
// Static checks (lint, typecheck, migration drift, build) count as one check each; vitest and Playwright
// count their tests from their JSON reports. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
let notRun = 0;
const lines = [];

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(name, command, args) {
  const { ok, seconds } = run(name, command, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds}s)`);
  return ok;
}

function suite(name, command, args, reportFile, count) {
  fs.rmSync(reportFile, { force: true });
  const { ok, seconds } = run(name, command, args);
  let p = 0;
  let f = 0;
  if (fs.existsSync(reportFile)) ({ p, f } = count(JSON.parse(fs.readFileSync(reportFile, 'utf8'))));
  if (!ok && f === 0) f = 1; // the runner failed without reporting a failed test (crash, no tests found)
  passed += p;
  failed += f;
  lines.push(`${f === 0 ? 'ok  ' : 'FAIL'} ${name}: ${p} passed, ${f} failed (${seconds}s)`);
}

/**
 * Whether the Electron binary is installed, checked in a child Node without fetching it: `require('electron')`
 * downloads a missing binary, so it is called only once path.txt and the file it names exist (or
 * ELECTRON_OVERRIDE_DIST_PATH points elsewhere), and under a short timeout.
 */
function electronBinaryInstalled() {
  const probe = `const fs = require('fs'), path = require('path');
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathTxt = path.join(dir, 'path.txt');
    const installed = fs.existsSync(pathTxt) && fs.existsSync(path.join(dir, 'dist', fs.readFileSync(pathTxt, 'utf8')));
    if (!installed && !process.env.ELECTRON_OVERRIDE_DIST_PATH) process.exit(1);
    fs.accessSync(require('electron'), fs.constants.X_OK);`;
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, env, stdio: 'ignore', timeout: 15_000 });
  return result.status === 0;
}

const npx = 'npx';
check('lint (layer boundaries)', npx, ['eslint', '.']);
check('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('migrations match schema (drizzle-kit check)', npx, ['drizzle-kit', 'check']);
// The build comes first: vitest tests the built bundles too (tests/built, the CLI, the backend worker), and the
// end-to-end suite runs the built renderer against the built backend.
const built = check('renderer, preload and main build (electron-vite build)', npx, ['electron-vite', 'build']);
process.env.KOPRU_SKIP_BUILD = '1';
if (built) {
  suite(
    'unit, integration and built-artefact tests (vitest)',
    npx,
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(results, 'vitest.json')}`],
    path.join(results, 'vitest.json'),
    (r) => ({ p: r.numPassedTests ?? 0, f: (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0) }),
  );
  suite('end-to-end in Chromium (playwright)', npx, ['playwright', 'test'], path.join(results, 'e2e-results.json'), (r) => ({
    p: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
    f: r.stats?.unexpected ?? 0,
  }));
  // The real-Electron smoke test needs the Electron binary, which the `electron` package fetches from GitHub on
  // first use (`npx install-electron`). It runs where that binary is installed; elsewhere it is reported as not
  // run and counted neither as passed nor as failed.
  if (electronBinaryInstalled()) {
    const args = ['playwright', 'test', '-c', 'playwright.electron.config.ts'];
    const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    const xvfb = headless && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
    suite('real-Electron smoke test (playwright _electron)', xvfb ? 'xvfb-run' : npx, xvfb ? ['-a', npx, ...args] : args, path.join(results, 'electron-results.json'), (r) => ({
      p: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
      f: r.stats?.unexpected ?? 0,
    }));
  } else {
    notRun++;
    lines.push('not run: real-Electron smoke test (1 test) — Electron binary unavailable');
  }
} else {
  failed++;
  lines.push('FAIL tests not run: the build failed');
}

console.log('\n' + lines.join('\n'));
if (notRun > 0) console.log(`${notRun} not run`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
