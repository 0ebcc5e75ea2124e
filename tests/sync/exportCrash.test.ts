import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract/sync';
import { openApp, tempDir } from '../support/app';
import { cleanupFiles, createNode, enrol, nextFile, type Node } from '../support/nodes';
import { bulkYouthCentres } from './support/bulk';
import { contentState, integrityCheck } from './support/dbState';

// Crash safety of export: a separate process writes a large exchange file and is SIGKILLed at moments spread
// over the write. After every kill the sender's database is intact and unchanged (an export changes nothing
// but its ledger line, written after the file is complete), and the target name holds either nothing or a
// complete file that the recipient verifies and previews; never a half file under the real name. A new
// export to the same name then succeeds.

const KILLS = Number(process.env.KOPRU_EXPORT_KILLS ?? (process.env.KOPRU_LONG === '1' ? 40 : 6));
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'exportChild.mjs');
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Run {
  markers: string[];
  /** Milliseconds from `exporting` to `done` (an uninterrupted run). */
  exportMs: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

function runChild(dataDir: string, peer: string, out: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, peer, out], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = performance.now();
    const markers: string[] = [];
    const at: Record<string, number> = {};
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        const [time, name] = line.split(' ') as [string, string];
        markers.push(name);
        at[name] = Number(time);
        // Time the kill from the moment the export starts, not from the (slower) process start-up.
        if (name === 'exporting' && killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const exportMs = at.done !== undefined && at.exporting !== undefined ? at.done - at.exporting : null;
      resolve({ markers, exportMs, code, signal, stderr, ms: performance.now() - started });
    });
  });
}

let ministry: Node;
let ankara: Node;
let exportMs = 0;
const work = tempDir('kopru-export-crash-');

beforeAll(async () => {
  ministry = await createNode('ministry', 'ministry');
  ankara = await createNode('ankara', 'province', '06');
  await enrol(ministry, ankara);
  bulkYouthCentres(ankara, '06', 2000);
  ankara.close();
  // Calibrate on a copy: how long an uninterrupted export takes.
  const copy = path.join(work, 'calibration');
  fs.cpSync(ankara.dataDir, copy, { recursive: true });
  const run = await runChild(copy, ministry.nodeId, nextFile('calibration'), null);
  expect(run.code, run.stderr).toBe(0);
  exportMs = run.exportMs!;
}, 180_000);

afterAll(() => {
  ministry?.close();
  fs.rmSync(work, { recursive: true, force: true });
  cleanupFiles();
});

function senderState(dataDir: string) {
  const app = openApp(dataDir);
  try {
    const sqlite = app.ctx.db!.sqlite;
    return { integrity: integrityCheck(sqlite), hash: contentState(sqlite).tables, ledger: (sqlite.prepare('SELECT count(*) AS n FROM sync_ledger').get() as { n: number }).n };
  } finally {
    app.close();
  }
}

describe('killing the exporting process', () => {
  it(`never leaves a half file under the real name, nor a changed database (${KILLS} kills)`, async () => {
    const before = senderState(ankara.dataDir);
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const dataDir = path.join(work, `kill-${i}`);
      fs.cpSync(ankara.dataDir, dataDir, { recursive: true });
      const out = nextFile(`kill-${i}`);
      // Spread over the export (and a little past it), from the first moment on.
      const delay = Math.round(((i + 0.5) / KILLS) * exportMs * 1.1);
      const run = await runChild(dataDir, ministry.nodeId, out, delay);
      const state = senderState(dataDir);
      expect(state.integrity).toBe('ok');
      if (fs.existsSync(out)) {
        // Completed before the kill: a whole, verifiable file, and the export's ledger line.
        const preview = await ministry.ok<ImportResult>('sync:import', { path: out, dryRun: true });
        expect(preview.report.stored).toBeGreaterThan(2000);
        outcomes.push('complete');
      } else {
        // Killed mid-write: nothing under the real name and nothing changed in the database.
        expect(run.signal).toBe('SIGKILL');
        const { ledger, ...rest } = state;
        expect(rest.hash).toEqual(before.hash);
        expect(ledger).toBe(before.ledger);
        outcomes.push('none');
        // The user simply exports again, to the same name.
        const retry = await runChild(dataDir, ministry.nodeId, out, null);
        expect(retry.code, retry.stderr).toBe(0);
        const imported = await ministry.ok<ImportResult>('sync:import', { path: out, dryRun: true });
        expect(imported.report.stored).toBeGreaterThan(2000);
      }
    }
    // The kills must actually land inside the write most of the time, or the test proves nothing.
    expect(outcomes.filter((o) => o === 'none').length).toBeGreaterThanOrEqual(KILLS / 2);
  }, 600_000);
});
