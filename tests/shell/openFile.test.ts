import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkOpenedFile, exchangeFileFromArgv, OPENED_FILE_MESSAGES, type OpenedFileCheck } from '../../electron/shell/openFile';
import { MAGIC } from '../../electron/sync/exchangeFile';

// A .kopru file opened from the OS: finding it on the command line, and the first check of it, on real files.

describe('exchangeFileFromArgv', () => {
  it.each<[string, string[], string | null]>([
    ['packaged, Windows double-click', ['C:\\Program Files\\Köprü\\Köprü.exe', 'C:\\Users\\Ayşe\\Masaüstü\\ankara.kopru'], 'C:\\Users\\Ayşe\\Masaüstü\\ankara.kopru'],
    ['packaged, after --', ['C:\\Program Files\\Köprü\\Köprü.exe', '--', 'D:\\degisim\\IL-06.KOPRU'], 'D:\\degisim\\IL-06.KOPRU'],
    ['development: electron . file', ['/usr/lib/electron/electron', '.', '/media/usb/bakanlik.kopru'], '/media/usb/bakanlik.kopru'],
    ['development: app folder path', ['/usr/lib/electron/electron', '/home/dev/kopru', 'x.Kopru'], 'x.Kopru'],
    ['Chromium switches around it', ['Köprü.exe', '--allow-file-access-from-files', 'C:\\a\\x.kopru', '--original-process-start-time=13350000000000000'], 'C:\\a\\x.kopru'],
    ['a switch whose value ends in .kopru', ['Köprü.exe', '--user-data-dir=C:\\evil.kopru', '--log-file=/tmp/x.kopru'], null],
    ['a short switch', ['Köprü.exe', '-x.kopru'], null],
    ['after --, a name that starts with a dash is a file', ['Köprü.exe', '--', '-rapor.kopru'], '-rapor.kopru'],
    ['the last of several', ['Köprü.exe', 'a.kopru', '--flag', 'b.kopru'], 'b.kopru'],
    ['no file', ['Köprü.exe', '--allow-file-access-from-files', '.'], null],
    ['another extension', ['Köprü.exe', 'C:\\x.kopru.txt', 'C:\\x.json', 'C:\\kopru'], null],
    ['only the extension', ['Köprü.exe', '.kopru'], null],
    ['only the executable', ['/opt/Köprü/kopru'], null],
    ['an executable named like a file', ['/tmp/evil.kopru'], null],
    ['nothing', [], null],
  ])('%s', (_what, argv, expected) => {
    expect(exchangeFileFromArgv(argv)).toBe(expected);
  });
});

describe('checkOpenedFile', () => {
  let dir: string;
  const HEADER = `${MAGIC}{"format":1,"sender":"0190f0a2-0000-7000-8000-000000000001","recipient":"0190f0a2-0000-7000-8000-000000000002"}\n`;
  const file = (name: string) => path.join(dir, name);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-open-'));
    fs.writeFileSync(file('ankara.kopru'), Buffer.concat([Buffer.from(HEADER), Buffer.alloc(200, 0xab)]));
    fs.writeFileSync(file('BUYUK HARF.KOPRU'), HEADER);
    fs.writeFileSync(file('only-magic.kopru'), MAGIC);
    fs.writeFileSync(file('wrong-magic.kopru'), 'KOPRU-EXCHANGE 2\n{"format":2}\n');
    fs.writeFileSync(file('gizli-tc.kopru'), '12345678901 Ayşe Yılmaz, 05321234567\n');
    fs.writeFileSync(file('short.kopru'), 'KOPRU');
    fs.writeFileSync(file('empty.kopru'), '');
    fs.writeFileSync(file('ankara.txt'), HEADER);
    fs.writeFileSync(file('ankara.kopru.txt'), HEADER);
    fs.mkdirSync(file('folder.kopru'));
    fs.symlinkSync(file('ankara.kopru'), file('link.kopru'));
    fs.symlinkSync(file('missing.kopru'), file('dangling.kopru'));
    fs.symlinkSync(file('ankara.kopru'), file('link-to-kopru.txt'));
    fs.symlinkSync(file('ankara.txt'), file('link-to-txt.kopru'));
    // A sparse file: 4 GiB + 1 byte on paper, nothing on disk.
    fs.writeFileSync(file('huge.kopru'), HEADER);
    fs.truncateSync(file('huge.kopru'), 4 * 1024 * 1024 * 1024 + 1);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function expectRefused(result: OpenedFileCheck, reason: string) {
    expect(result).toEqual({ ok: false, reason, message: OPENED_FILE_MESSAGES[reason as keyof typeof OPENED_FILE_MESSAGES] });
  }

  it('accepts a file that begins with the exchange magic, returning its absolute path', async () => {
    await expect(checkOpenedFile(file('ankara.kopru'))).resolves.toEqual({ ok: true, path: file('ankara.kopru') });
    await expect(checkOpenedFile(file('BUYUK HARF.KOPRU'))).resolves.toEqual({ ok: true, path: file('BUYUK HARF.KOPRU') });
    await expect(checkOpenedFile(file('only-magic.kopru'))).resolves.toEqual({ ok: true, path: file('only-magic.kopru') });
  });

  it('resolves a relative path against the given working directory (a second launch’s)', async () => {
    await expect(checkOpenedFile('ankara.kopru', { cwd: dir })).resolves.toEqual({ ok: true, path: file('ankara.kopru') });
    await expect(checkOpenedFile('./sub/../ankara.kopru', { cwd: dir })).resolves.toEqual({ ok: true, path: file('ankara.kopru') });
  });

  it('accepts a symlink to a valid file', async () => {
    await expect(checkOpenedFile(file('link.kopru'))).resolves.toEqual({ ok: true, path: file('link.kopru') });
  });

  it.each([
    ['wrong magic', 'wrong-magic.kopru', 'not-kopru'],
    ['other contents', 'gizli-tc.kopru', 'not-kopru'],
    ['shorter than the magic', 'short.kopru', 'not-kopru'],
    ['an empty file', 'empty.kopru', 'empty'],
    ['a missing file', 'missing.kopru', 'missing'],
    ['a missing folder on the way', 'no-such-folder/x.kopru', 'missing'],
    ['a file used as a folder', 'ankara.kopru/x.kopru', 'missing'],
    ['a dangling symlink', 'dangling.kopru', 'missing'],
    ['a directory', 'folder.kopru', 'not-a-file'],
    ['a .txt file with a valid header', 'ankara.txt', 'wrong-extension'],
    ['.kopru.txt', 'ankara.kopru.txt', 'wrong-extension'],
    ['a .txt symlink to a valid file', 'link-to-kopru.txt', 'wrong-extension'],
    ['more than 4 GiB', 'huge.kopru', 'too-large'],
  ])('refuses %s (%s) as %s', async (_what, name, reason) => {
    expectRefused(await checkOpenedFile(file(name)), reason);
  });

  it('refuses a path with a NUL byte without touching the file it would be cut to', async () => {
    expectRefused(await checkOpenedFile(`${file('ankara.kopru')}\0.txt`), 'unreadable');
    expectRefused(await checkOpenedFile(`${file('ankara.kopru')}\0`), 'unreadable');
  });

  it('refuses an empty path as missing', async () => {
    expectRefused(await checkOpenedFile(''), 'missing');
    expectRefused(await checkOpenedFile('   '), 'missing');
  });

  it('refuses a FIFO as not a file, without waiting for a writer', async () => {
    const fifo = file('pipe.kopru');
    execFileSync('mkfifo', [fifo]);
    expectRefused(await checkOpenedFile(fifo), 'not-a-file');
  });

  it('refuses a device as not a file', async () => {
    expectRefused(await checkOpenedFile('/dev/null'), 'not-a-file');
  });

  it('refuses a symlink loop as unreadable', async () => {
    fs.symlinkSync(file('loop-b.kopru'), file('loop-a.kopru'));
    fs.symlinkSync(file('loop-a.kopru'), file('loop-b.kopru'));
    expectRefused(await checkOpenedFile(file('loop-a.kopru')), 'unreadable');
  });

  it('never puts the file’s contents or its path into a message', async () => {
    const result = await checkOpenedFile(file('gizli-tc.kopru'));
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    for (const secret of ['12345678901', 'Ayşe', '0532', 'gizli-tc', dir]) expect(text).not.toContain(secret);
  });

  it('reads only the first bytes, never the whole file', async () => {
    const requested: number[] = [];
    const realOpen = fs.promises.open;
    const open = vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof fs.promises.open>) => {
      const handle = await realOpen(...args);
      const realRead = handle.read.bind(handle) as (...a: unknown[]) => Promise<{ bytesRead: number }>;
      (handle as unknown as { read: unknown }).read = (...a: unknown[]) => {
        requested.push(a[2] as number);
        return realRead(...a);
      };
      return handle;
    });
    const readFile = vi.spyOn(fs.promises, 'readFile');
    const createReadStream = vi.spyOn(fs, 'createReadStream');
    try {
      // A sparse 3 GiB file with a valid header: allowed, and reading it whole would take seconds and gigabytes.
      const big = file('big-but-allowed.kopru');
      fs.writeFileSync(big, HEADER);
      fs.truncateSync(big, 3 * 1024 * 1024 * 1024);
      await expect(checkOpenedFile(big)).resolves.toEqual({ ok: true, path: big });
      expect(open).toHaveBeenCalledTimes(1);
      expect(requested.reduce((a, b) => a + b, 0)).toBe(Buffer.byteLength(MAGIC));
      expect(readFile).not.toHaveBeenCalled();
      expect(createReadStream).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('has a Turkish and an English message for every reason, each saying nothing was changed', () => {
    for (const [reason, message] of Object.entries(OPENED_FILE_MESSAGES)) {
      expect(message.tr, reason).toMatch(/değiştirilmedi/);
      expect(message.en, reason).toMatch(/nothing was changed/i);
      expect(message.tr).not.toBe(message.en);
    }
    expect(OPENED_FILE_MESSAGES['not-kopru'].tr).toBe('Bu dosya bir Köprü değişim dosyası değil; açılmadı ve hiçbir şey değiştirilmedi.');
  });
});
