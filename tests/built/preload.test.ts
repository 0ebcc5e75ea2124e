import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_FUNCTIONS, CHOOSE_FILE_CHANNEL, INVOKE_CHANNEL } from '../../shared/bridge';
import { OUT } from '../support/build';
import { fakeElectron, runSandboxedPreload, SANDBOX_MODULES } from './sandbox';

// The preload as Electron loads it: the built out/preload/index.cjs, run under the sandboxed preload's rules.
// A preload that requires anything else (zod, a shared chunk) never exposes the bridge, and every call from the
// window fails; the source-level shell tests, with electron mocked, cannot see that.

const PRELOAD = path.join(OUT, 'preload', 'index.cjs');

function loadBuilt() {
  const electron = fakeElectron((channel, name) => ({ ok: true, value: { channel, name } }));
  runSandboxedPreload(fs.readFileSync(PRELOAD, 'utf8'), electron);
  return electron;
}

describe('the built preload under the sandbox rules', () => {
  it('requires nothing but the modules a sandboxed preload may load', () => {
    const source = fs.readFileSync(PRELOAD, 'utf8');
    const required = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required.filter((name) => !(SANDBOX_MODULES as readonly string[]).includes(name!))).toEqual([]);
    expect(source).not.toMatch(/\brequire\(\s*[^"'`\s]/); // no computed require either
  });

  it('loads and exposes exactly one frozen bridge with its two functions', () => {
    const electron = loadBuilt();
    expect(electron.exposed.map((e) => e.key)).toEqual(['kopru']);
    const api = electron.exposed[0]!.api as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_FUNCTIONS].sort());
    for (const name of BRIDGE_FUNCTIONS) expect(typeof api[name]).toBe('function');
  });

  it('sends contract calls over the one invoke channel and the dialog over its own', async () => {
    const electron = loadBuilt();
    const api = electron.exposed[0]!.api as { invoke(c: string, i: unknown): Promise<unknown>; chooseFile(r: unknown): Promise<unknown> };
    await expect(api.invoke('registry:search', { query: 'genç' })).resolves.toEqual({ ok: true, value: { channel: INVOKE_CHANNEL, name: 'registry:search' } });
    await api.chooseFile({ mode: 'open', kind: 'exchange', title: 'Aç', filterName: 'Köprü' });
    expect(electron.ipcCalls).toEqual([
      [INVOKE_CHANNEL, 'registry:search', { query: 'genç' }],
      [CHOOSE_FILE_CHANNEL, { mode: 'open', kind: 'exchange', title: 'Aç', filterName: 'Köprü' }],
    ]);
  });

  it('answers a name that is not a channel itself, without reaching main', async () => {
    const electron = loadBuilt();
    const api = electron.exposed[0]!.api as { invoke(c: unknown, i: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
    for (const name of ['', 'registry', 'shell:chooseFile:x', '../registry:search', 'a:b;c', 'x'.repeat(200) + ':y', 42]) {
      const result = await api.invoke(name, {});
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('UNKNOWN_CHANNEL');
    }
    expect(electron.ipcCalls).toEqual([]);
  });
});

describe('the sandbox reproduction itself', () => {
  it('refuses a preload that requires a package, as Electron does', () => {
    const electron = fakeElectron();
    const source = 'const { z } = require("zod");\nrequire("electron").contextBridge.exposeInMainWorld("kopru", {});';
    expect(() => runSandboxedPreload(source, electron)).toThrow('module not found: zod');
    expect(electron.exposed).toEqual([]);
  });

  it('gives the preload no Node globals of its own', () => {
    const electron = fakeElectron();
    const probe = 'require("electron").contextBridge.exposeInMainWorld("probe", [typeof globalThis.process, typeof globalThis.require, typeof fetch, typeof global.Buffer]);';
    runSandboxedPreload(probe, electron);
    expect(electron.exposed[0]!.api).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });
});
