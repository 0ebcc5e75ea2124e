// Typing-to-result latency in the browser harness (issue #17: "typing-to-result p95 under 150 ms on the ministry
// demo"). A ministry installation filled with the national demo data (`kopru demo`: 60 associations a province
// unless BENCH_TYPING_PER_PROVINCE says otherwise), the built backend worker and the built renderer in Debian's
// Chromium through the loopback harness, as `npm run harness` and the end-to-end tests run them.
//
// Queries are typed into the registry's search box one key at a time; after each key the benchmark waits until
// the list shows the answer for that prefix (`data-search` on the total names the search whose answer is shown),
// then types the next. Each figure runs from the key's event in the page (keydown, or beforeinput for letters
// Playwright inserts as text: ç, ğ, ı, İ, ö, ş, ü) to the first animation frame after React has put that answer
// into the page. The page is reloaded before every query, so no answer comes from the query cache of an earlier
// round. The baseline, measured in the same run beside every key: the same `registry:search` call (same input as
// the list's) made from the same page through the same transport, timed to its parsed answer. A second figure
// types each query at 8 keys a second and times the last key to the final answer (what someone who stops typing
// waits). The built app is rebuilt first if a source is newer (BENCH_TYPING_BUILD=0 skips the check).
//
// Where the time goes: the backend's own time for each call (timed around the worker call the harness makes),
// and the page's main-thread long tasks (over 50 ms) between the key and its frame. BENCH_TYPING_COMPARE=<dir>
// serves a second built renderer (another checkout's out/renderer) against the same backend and data, the
// rounds alternating between the two, so a change is compared with its baseline under the same load.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { appVersion, projectRoot, sourceMigrationsDir } from '../../electron/app/paths';
import { startBackendWorker } from '../../electron/backend/host';
import { startHarness } from '../../electron/harness/server';
import { TEST_KEY_STORE } from '../support/keyStore';
import { TEST_ADMIN } from '../support/users';

const ROOT = projectRoot();
const PER_PROVINCE = process.env.BENCH_TYPING_PER_PROVINCE ? Number(process.env.BENCH_TYPING_PER_PROVINCE) : undefined;
const ROUNDS = Number(process.env.BENCH_TYPING_ROUNDS ?? 3);
const BURST_KEY_MS = 125;
/** As the list asks: the first page of 100 (renderer/features/registry/AssociationTable.tsx PAGE_SIZE). */
const PAGE = { limit: 100, offset: 0 };
const QUERIES = ['istanbul gençlik', 'ankara', 'çankaya', 'şişli spor', 'üsküdar izcilik', 'ığdır', 'İzmir kültür', 'ayşe yılmaz', '06-0'];

const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;
const f = (n: number, d = 1) => n.toFixed(d);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

function newest(dir: string, pattern: RegExp): number {
  let time = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(full, pattern));
    else if (pattern.test(entry.name)) time = Math.max(time, fs.statSync(full).mtimeMs);
  }
  return time;
}

/** Builds out/ when the backend or the renderer bundle is missing or older than a source it is built from. */
function ensureBuild(): string {
  if (process.env.BENCH_TYPING_BUILD === '0') return 'build check skipped';
  const outputs = [path.join(ROOT, 'out', 'main', 'backend.js'), path.join(ROOT, 'out', 'renderer', 'index.html')];
  const built = Math.min(...outputs.map((o) => (fs.existsSync(o) ? fs.statSync(o).mtimeMs : 0)));
  const sources = Math.max(...['electron', 'db', 'shared', 'renderer'].map((d) => newest(path.join(ROOT, d), /\.(ts|tsx|css|sql|json|html)$/)));
  if (built >= sources) return 'out/ up to date';
  const started = performance.now();
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'pipe' });
  return `rebuilt out/ (${f((performance.now() - started) / 1000)} s)`;
}

interface Probe {
  expected: string;
  start: number | null;
  dom: number | null;
  frame: number | null;
}
interface Call {
  channel: string;
  query: string;
  start: number;
  end: number | null;
}
interface BenchWindow {
  __bench: { probe: Probe | null; calls: Call[]; longTasks: { start: number; end: number }[] };
}

/**
 * Runs in the page before its scripts: times every contract call the page makes, and watches for the list to
 * show the answer the armed probe waits for. Plain text, not a function: tsx would wrap the function's inner
 * functions in a helper (`__name`) that the page does not have.
 */
const INSTRUMENT = `(() => {
  const bench = { probe: null, calls: [], longTasks: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch {}
  const fetchOriginal = window.fetch.bind(window);
  window.fetch = async (url, init) => {
    if (url !== '/__kopru/invoke' || typeof init?.body !== 'string') return fetchOriginal(url, init);
    const body = JSON.parse(init.body);
    const call = { channel: body.channel, query: body.input?.query ?? '', start: performance.now(), end: null };
    bench.calls.push(call);
    try {
      return await fetchOriginal(url, init);
    } finally {
      call.end = performance.now();
    }
  };
  const started = (event) => {
    if (bench.probe && bench.probe.start === null) bench.probe.start = event.timeStamp;
  };
  document.addEventListener('keydown', started, true);
  document.addEventListener('beforeinput', started, true);
  const check = () => {
    const probe = bench.probe;
    if (!probe || probe.start === null || probe.dom !== null) return;
    if (document.querySelector('[data-testid="registry-total"]')?.getAttribute('data-search') !== probe.expected) return;
    probe.dom = performance.now();
    requestAnimationFrame(() => (probe.frame = performance.now()));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-search'] });
})();`;

async function openRegistry(page: Page, url: string) {
  await page.goto(`${url}#/registry`);
  await page.reload();
  await page.locator('[data-testid="registry-total"][data-search=""]').waitFor({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Ara', exact: true }).focus();
}

/** The raw channel call from the page: the list's input for this prefix, through the same transport. */
function channelCall(page: Page, query: string): Promise<number> {
  return page.evaluate(async ({ query, page: paging }) => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="kopru-harness-token"]')!.content;
    const started = performance.now();
    const response = await fetch('/__kopru/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kopru-token': token },
      body: JSON.stringify({ channel: 'registry:search', input: { ...(query ? { query } : {}), ...paging } }),
    });
    const envelope = (await response.json()) as { ok: boolean };
    if (!envelope.ok) throw new Error(JSON.stringify(envelope));
    return performance.now() - started;
  }, { query, page: PAGE });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-typing-'));
const lines: string[] = [];
const build = ensureBuild();
const backend = startBackendWorker(path.join(ROOT, 'out', 'main', 'backend.js'), {
  dataDir, migrationsDir: sourceMigrationsDir(), appVersion: appVersion(), holder: 'harness', logDir: path.join(dataDir, 'logs'), keyStoreDir: TEST_KEY_STORE,
});
let closeHarness: (() => Promise<void>) | null = null;
let closeBrowser: (() => Promise<void>) | null = null;
try {
  await backend.ready;
  const must = async (channel: string, input: unknown) => {
    const envelope = await backend.invoke(channel as never, input as never);
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
    return envelope.value;
  };
  await must('installation:setup', { admin: TEST_ADMIN, role: 'ministry' });
  await must('users:setIdleMinutes', { minutes: 0 });
  const started = performance.now();
  const demo = await backend.fillDemo(PER_PROVINCE === undefined ? {} : { associationsPerProvince: PER_PROVINCE });
  if (!demo.ok) throw new Error(JSON.stringify(demo.error));
  lines.push(`${build}; ministry demo: ${demo.value.associations.toLocaleString('en')} associations, ${demo.value.youthCentres} youth centres, filled in ${f((performance.now() - started) / 1000)} s; load average ${load()}`);

  // The backend's own time per call, as the harness sees it (worker round trip included, HTTP not).
  const served: { channel: string; ms: number; at: number }[] = [];
  const timedInvoke: typeof backend.invokeJson = async (channel, input) => {
    const t0 = performance.now();
    try {
      return await backend.invokeJson(channel, input);
    } finally {
      served.push({ channel, ms: performance.now() - t0, at: t0 });
    }
  };
  const variants: { name: string; dir: string }[] = [{ name: 'this checkout', dir: path.join(ROOT, 'out', 'renderer') }];
  if (process.env.BENCH_TYPING_COMPARE) variants.push({ name: process.env.BENCH_TYPING_COMPARE, dir: path.resolve(process.env.BENCH_TYPING_COMPARE) });
  const harnesses = await Promise.all(variants.map((v) => startHarness(timedInvoke, v.dir)));
  closeHarness = async () => void (await Promise.all(harnesses.map((h) => h.close())));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  closeBrowser = () => browser.close();
  const errors: string[] = [];
  const pages = await Promise.all(
    harnesses.map(async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'tr-TR' });
      await page.addInitScript({ content: INSTRUMENT });
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    }),
  );

  interface Samples {
    frame: number[];
    dom: number[];
    baseline: number[];
    toRequest: number[];
    roundTrip: number[];
    toFrame: number[];
    server: number[];
    countsServer: number[];
    longTask: number[];
    searches: number;
    counts: number;
    burst: number[];
    seconds: number;
  }
  const samples: Samples[] = variants.map(() => ({
    frame: [], dom: [], baseline: [], toRequest: [], roundTrip: [], toFrame: [], server: [], countsServer: [], longTask: [], searches: 0, counts: 0, burst: [], seconds: 0,
  }));

  /** One round of the nine queries typed a key at a time (round 0 warms up and is not counted). */
  async function typeRound(page: Page, url: string, out: Samples, counted: boolean) {
    const began = performance.now();
    for (const text of QUERIES) {
      await openRegistry(page, url);
      let shown = '';
      for (let i = 1; i <= text.length; i++) {
        const expected = text.slice(0, i).trim();
        const key = text[i - 1]!;
        if (expected === shown) {
          // A space only: the trimmed search is the one already shown, nothing to wait for.
          await page.keyboard.type(key);
          continue;
        }
        const raw = await channelCall(page, expected);
        await page.evaluate((e) => {
          const bench = (window as unknown as BenchWindow).__bench;
          bench.calls = [];
          bench.longTasks = [];
          bench.probe = { expected: e, start: null, dom: null, frame: null };
        }, expected);
        const servedFrom = served.length;
        await page.keyboard.type(key);
        const result = await page.waitForFunction(() => {
          const { probe, calls, longTasks } = (window as unknown as BenchWindow).__bench;
          return probe?.frame != null ? { probe, calls, longTasks } : null;
        }, undefined, { timeout: 15_000 });
        const { probe, calls, longTasks } = (await result.jsonValue())!;
        shown = expected;
        if (!counted) continue;
        out.baseline.push(raw);
        out.frame.push(probe.frame! - probe.start!);
        out.dom.push(probe.dom! - probe.start!);
        // Main-thread long tasks overlapping this key's wait.
        out.longTask.push(longTasks.reduce((sum, t) => sum + Math.max(0, Math.min(t.end, probe.frame!) - Math.max(t.start, probe.start!)), 0));
        const search = calls.find((c) => c.channel === 'registry:search' && c.query === expected && c.end !== null);
        if (search) {
          out.toRequest.push(search.start - probe.start!);
          out.roundTrip.push(search.end! - search.start);
          out.toFrame.push(probe.frame! - search.end!);
        }
        const mine = served.slice(servedFrom);
        const lastSearch = mine.filter((c) => c.channel === 'registry:search').at(-1);
        if (lastSearch) out.server.push(lastSearch.ms);
        for (const c of mine) if (c.channel === 'registry:statusCounts') out.countsServer.push(c.ms);
        out.searches += calls.filter((c) => c.channel === 'registry:search').length;
        out.counts += calls.filter((c) => c.channel === 'registry:statusCounts').length;
      }
    }
    if (counted) out.seconds += (performance.now() - began) / 1000;
  }

  /** Typed at 8 keys a second: from the last key to the final answer on screen. */
  async function burstRound(page: Page, url: string, out: Samples, counted: boolean) {
    for (const text of QUERIES) {
      await openRegistry(page, url);
      await page.keyboard.type(text.slice(0, -1), { delay: BURST_KEY_MS });
      await page.waitForTimeout(BURST_KEY_MS);
      await page.evaluate((e) => ((window as unknown as BenchWindow).__bench.probe = { expected: e, start: null, dom: null, frame: null }), text.trim());
      await page.keyboard.type(text.at(-1)!);
      const result = await page.waitForFunction(() => {
        const { probe } = (window as unknown as BenchWindow).__bench;
        return probe?.frame != null ? probe : null;
      }, undefined, { timeout: 15_000 });
      const probe = (await result.jsonValue())!;
      if (counted) out.burst.push(probe.frame! - probe.start!);
    }
  }

  // The variants take turns round by round, so a change of the machine's load falls on both alike.
  for (let round = 0; round <= ROUNDS; round++) {
    for (let v = 0; v < variants.length; v++) await typeRound(pages[v]!, harnesses[v]!.url, samples[v]!, round > 0);
  }
  for (let round = 0; round <= ROUNDS; round++) {
    for (let v = 0; v < variants.length; v++) await burstRound(pages[v]!, harnesses[v]!.url, samples[v]!, round > 0);
  }

  const med = (v: number[]) => (v.length ? f(pct(v, 50)) : '–');
  variants.forEach((variant, v) => {
    const s = samples[v]!;
    const n = s.frame.length;
    if (variants.length > 1) lines.push(`[${variant.name}]`);
    lines.push(
      `Typing, one key at a time (${n} keys: ${QUERIES.length} queries × ${ROUNDS} rounds, ${f(s.seconds)} s): key → answer on screen p50 ${f(pct(s.frame, 50))} ms, p95 ${f(pct(s.frame, 95))} ms, max ${f(Math.max(...s.frame))} ms (to the DOM: p50 ${f(pct(s.dom, 50))}, p95 ${f(pct(s.dom, 95))})`,
      `  baseline, the same registry:search call from the page: p50 ${f(pct(s.baseline, 50))} ms, p95 ${f(pct(s.baseline, 95))} ms → ratio p50 ${f(pct(s.frame, 50) / pct(s.baseline, 50), 2)}×, p95 ${f(pct(s.frame, 95) / pct(s.baseline, 95), 2)}×`,
      `  where the time goes (medians): key → search sent ${med(s.toRequest)} ms, search round trip ${med(s.roundTrip)} ms (backend ${med(s.server)} ms, p95 ${s.server.length ? f(pct(s.server, 95)) : '–'}), answer → frame ${med(s.toFrame)} ms; main-thread long tasks per key p50 ${med(s.longTask)} ms, p95 ${s.longTask.length ? f(pct(s.longTask, 95)) : '–'} ms`,
      `  calls per key: ${f(s.searches / n, 2)} registry:search, ${f(s.counts / n, 2)} registry:statusCounts (backend ${med(s.countsServer)} ms median)`,
      `Typing at 8 keys a second (${s.burst.length} queries): last key → final answer on screen p50 ${f(pct(s.burst, 50))} ms, p95 ${f(pct(s.burst, 95))} ms`,
    );
  });
  lines.push(`Load average at the end ${load()}`);
  if (errors.length) lines.push(`Page errors: ${errors.join(' | ')}`);
} finally {
  await closeBrowser?.();
  await closeHarness?.();
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(lines.join('\n'));
