import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodeLog from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, describeError } from '../../electron/app/log';
import { archivePath, configureLogFile, LOG_FILE_NAME, readRecentLog } from '../../electron/shell/logFile';

// The log files, written for real by electron-log/node (the same API as electron-log/main, without Electron)
// into a temp folder: where lines land, rotation, redaction in every file, and the support-bundle tail.

const dirs: string[] = [];
let instances = 0;

function setup(options: Parameters<typeof configureLogFile>[2] = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-log-'));
  dirs.push(dir);
  const log = nodeLog.create({ logId: `kopru-log-test-${process.pid}-${++instances}` });
  const sink = configureLogFile(log, dir, { console: false, ...options });
  return { dir, log, sink, logger: createLogger(sink) };
}

function logFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
}

function allText(dir: string): string {
  return logFiles(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('configureLogFile', () => {
  it('writes lines to <dir>/kopru.log and turns the console off when asked', () => {
    const { dir, log, logger } = setup();
    logger.info('app.started', { version: '0.1.0', count: 3 });
    logger.error('dispatch.failed', { channel: 'registry:list', code: 'INTERNAL' });
    expect(logFiles(dir)).toEqual([LOG_FILE_NAME]);
    const text = fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toMatch(/\[info\]\s+app\.started version=0\.1\.0 count=3/);
    expect(text).toMatch(/\[error\]\s+dispatch\.failed channel=registry:list code=INTERNAL/);
    expect(log.transports.console.level).toBe(false);
  });

  it('rotates past maxBytes, keeps at most `keep` archives and drops the oldest', () => {
    const maxBytes = 2000;
    const keep = 3;
    const { dir, logger } = setup({ maxBytes, keep });
    const filler = 'x'.repeat(60);
    for (let i = 0; i < 300; i++) logger.info('line', { n: i, filler });

    expect(logFiles(dir)).toEqual(['kopru.1.log', 'kopru.2.log', 'kopru.3.log', 'kopru.log']);
    const numbers = (index: number) =>
      [...fs.readFileSync(archivePath(dir, index), 'utf8').matchAll(/line n=(\d+)/g)].map((m) => Number(m[1]));
    // Newest in kopru.log, then kopru.1.log …, each file's lines in order and continuing the next older one.
    const chain = [numbers(3), numbers(2), numbers(1), numbers(0)].flat();
    expect(chain.at(-1)).toBe(299);
    expect(chain).toEqual(Array.from({ length: chain.length }, (_, i) => chain[0]! + i));
    // The oldest lines were dropped.
    expect(chain[0]).toBeGreaterThan(0);
    // Each file stops at the first line that takes it past maxBytes.
    for (const f of logFiles(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(maxBytes + 200);
  });

  it('keeps 5 archives by default', () => {
    const { dir, logger } = setup({ maxBytes: 500 });
    for (let i = 0; i < 200; i++) logger.info('line', { n: i, filler: 'y'.repeat(50) });
    expect(logFiles(dir)).toEqual(['kopru.1.log', 'kopru.2.log', 'kopru.3.log', 'kopru.4.log', 'kopru.5.log', 'kopru.log']);
  });

  it('leaves no TC Kimlik No, quoted board member name or e-mail in any file', () => {
    const { dir, log, logger } = setup({ maxBytes: 600, keep: 2 });
    const tc = '10000000146';
    const member = 'Çağrı Öztürk';
    const email = 'cagri.ozturk@example.com';
    const error = new Error(`Üye "${member}" (${tc}, ${email}) kaydedilemedi`);
    for (let i = 0; i < 5; i++) {
      // Through the logger …
      logger.error('registry.member.failed', { channel: 'registry:saveMember', reason: `TC ${tc} / ‘${member}’ / ${email}`, error });
      // … and stray calls straight to electron-log, with strings, numbers, objects and errors.
      log.error(`kayıt ${tc} "${member}" ${email}`);
      log.warn('TC:', Number(tc), { member, email, tc }, error);
      log.info(`Tel 0532 123 45 67, dosya C:\\Users\\cagri.ozturk\\Desktop\\liste.xlsx`);
    }
    expect(logFiles(dir).length).toBeGreaterThan(1);
    const text = allText(dir);
    expect(text).toContain('registry.member.failed');
    expect(text).toContain('[TC]');
    expect(text).not.toContain(tc);
    expect(text).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
    expect(text).not.toContain('Çağrı');
    expect(text).not.toContain('Öztürk');
    expect(text).not.toContain('cagri');
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('0532');
  });

  it('logs describeError of an error whose message holds a TC without any 11-digit run', () => {
    const { dir, logger } = setup();
    const error = new RangeError('TC Kimlik No 17291716060 geçersiz');
    const d = describeError(error);
    expect(d.message).toBe('TC Kimlik No [TC] geçersiz');
    logger.error('registry.tc.invalid', { error, ...d, frames: d.frames.join(',') });
    const text = allText(dir);
    expect(text).toContain('errorName=RangeError');
    expect(text).toMatch(/frames=log\.test\.ts:\d+:\d+/);
    expect(text).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
  });

  it('does not stack redaction hooks when configured twice', () => {
    const { dir, log } = setup();
    configureLogFile(log, dir, { console: false });
    expect(log.hooks).toHaveLength(1);
  });
});

describe('readRecentLog', () => {
  it('returns the tail of kopru.1.log and kopru.log, whole lines, within the byte limit', () => {
    const { dir, logger } = setup({ maxBytes: 3000, keep: 2 });
    for (let i = 0; i < 100; i++) logger.info('line', { n: i, text: 'ğüşiöç'.repeat(5) });
    const current = fs.readFileSync(archivePath(dir, 0), 'utf8');
    const currentBytes = Buffer.byteLength(current);

    const limit = currentBytes + 700; // reaches into kopru.1.log
    const tail = readRecentLog(dir, limit);
    expect(Buffer.byteLength(tail, 'utf8')).toBeLessThanOrEqual(limit);
    expect(tail.endsWith(current)).toBe(true);
    expect(tail.length).toBeGreaterThan(current.length);
    expect(tail).toMatch(/^\[\d{4}-\d{2}-\d{2} /);
    expect(tail).toMatch(/line n=99 /);
    expect(tail).not.toContain('\uFFFD');

    const small = readRecentLog(dir, 500);
    expect(Buffer.byteLength(small, 'utf8')).toBeLessThanOrEqual(500);
    expect(small).toMatch(/^\[\d{4}-\d{2}-\d{2} /);
    expect(small.trimEnd().endsWith(current.trimEnd().split('\n').at(-1)!)).toBe(true);
  });

  it('returns everything when it fits, and nothing for a missing folder', () => {
    const { dir, logger } = setup();
    logger.info('only', { n: 1 });
    const whole = fs.readFileSync(archivePath(dir, 0), 'utf8');
    expect(readRecentLog(dir, 1 << 20)).toBe(whole);
    expect(readRecentLog(path.join(dir, 'missing'), 1000)).toBe('');
    expect(readRecentLog(dir, 0)).toBe('');
  });
});
