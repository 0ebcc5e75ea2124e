import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../shared/contract';
import type { ImportResult } from '../../shared/contract/sync';
import { setupApp, tempDir, type TestApp } from './app';

// Separate installations (each its own data folder, SQLite file and keys) exchanging real .kopru files.

export interface Node extends TestApp {
  name: string;
  nodeId: string;
  unitId: string;
  fingerprint: string;
}

let files = 0;
export const exchangeDir = tempDir('kopru-files-');

export async function createNode(name: string, role: Role, plate?: string, now?: () => number): Promise<Node> {
  const app = await setupApp(role, { ...(plate ? { plate } : {}), ...(now ? { now } : {}) });
  const identity = app.ctx.identity!;
  return Object.assign(app, { name, nodeId: identity.nodeId, unitId: identity.unitId, fingerprint: identity.fingerprint });
}

export function nextFile(label: string, ext = 'kopru'): string {
  files += 1;
  return path.join(exchangeDir, `${String(files).padStart(4, '0')}-${label}.${ext}`);
}

/** The real enrolment: child introduces itself, parent enrols it after comparing the fingerprint and
 * answers with a welcome file, which the child imports after comparing the parent's fingerprint. */
export async function enrol(parent: Node, child: Node): Promise<void> {
  const intro = nextFile(`intro-${child.name}`, 'json');
  const { fingerprint } = await child.ok<{ fingerprint: string }>('sync:introduce', { path: intro });
  await parent.ok('sync:enroll', { path: intro, fingerprint });
  const welcome = nextFile(`welcome-${parent.name}-${child.name}`);
  await parent.ok('sync:export', { peerNode: child.nodeId, path: welcome, welcome: true });
  await child.ok('sync:import', { path: welcome, welcomeFingerprint: parent.fingerprint });
}

export async function exportFile(from: Node, to: Node, label = ''): Promise<string> {
  const file = nextFile(`${from.name}-to-${to.name}${label}`);
  await from.ok('sync:export', { peerNode: to.nodeId, path: file });
  return file;
}

export async function deliver(from: Node, to: Node): Promise<ImportResult> {
  const file = await exportFile(from, to);
  return to.ok<ImportResult>('sync:import', { path: file });
}

export function cleanupFiles(): void {
  fs.rmSync(exchangeDir, { recursive: true, force: true });
}
