import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type * as Dispatch from '../../electron/app/dispatch';
import { fillDemoData } from '../../electron/cli/demo';
import { setupApp, type TestApp } from '../support/app';

// `kopru demo` enters a province's youth centres through the real handlers, as a clerk would. Every record it
// generates must be one the contract accepts: demo data that silently fails validation leaves trainers with
// fewer (and skewed) records than the demo intends.

const calls = vi.hoisted(() => [] as { channel: string; input: unknown; envelope: Envelope<unknown> }[]);

vi.mock('../../electron/app/dispatch', async (importOriginal) => {
  const real = await importOriginal<typeof Dispatch>();
  return {
    ...real,
    createDispatcher: (ctx: Parameters<typeof real.createDispatcher>[0]) => {
      const invoke = real.createDispatcher(ctx);
      return async (channel: string, input: unknown) => {
        const envelope = await invoke(channel, input);
        calls.push({ channel, input, envelope });
        return envelope;
      };
    },
  };
});

const apps: TestApp[] = [];
afterAll(() => {
  for (const app of apps) app.close();
});

describe('demo data for a province', () => {
  it.each(['06', '34', '81'])('province %s: every generated youth centre passes validation', { timeout: 120_000 }, async (plate) => {
    const app = await setupApp('province', { plate });
    apps.push(app);
    calls.length = 0;
    const summary = await fillDemoData(app.ctx);
    const creates = calls.filter((c) => c.channel === 'orgUnits:createYouthCentre');
    expect(creates.length).toBeGreaterThan(0);
    const invalid = creates
      .filter((c) => !c.envelope.ok && c.envelope.error.code === 'VALIDATION')
      .map((c) => ({ input: c.input, error: !c.envelope.ok && c.envelope.error.issues }));
    expect(invalid, JSON.stringify(invalid.slice(0, 3), null, 1)).toEqual([]);
    // Whatever was refused for another reason can only be a duplicate name.
    for (const c of creates) if (!c.envelope.ok) expect(c.envelope.error.code).toBe('CONFLICT');
    expect(summary.youthCentres).toBe(creates.filter((c) => c.envelope.ok).length);
  });
});
