import { describe, expect, it } from 'vitest';
import {
  createLogger,
  describeError,
  formatEntry,
  MAX_LINE_BYTES,
  MAX_VALUE_CHARS,
  memorySink,
  redact,
} from '../../electron/app/log';

// What `redact` removes from log text (DOMAIN.md §9: no TC Kimlik No in a log line) and what it must leave
// alone, and how the logger formats and bounds an entry.

const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/;

describe('redact: TC Kimlik No', () => {
  it.each([
    ['10000000146', '[TC]'],
    ['17291716060', '[TC]'],
    ['TC Kimlik No 10000000146 geçersiz', 'TC Kimlik No [TC] geçersiz'],
    ['10000000146 ile kayıtlı', '[TC] ile kayıtlı'],
    ['kayıtlı: 17291716060', 'kayıtlı: [TC]'],
    ['(17291716060)', '([TC])'],
    ['TC:17291716060.', 'TC:[TC].'],
    ['TC17291716060', 'TC[TC]'],
    ['123 456 789 01', '[TC]'],
    ['no 100 000 001 46 yok', 'no [TC] yok'],
    ['123.456.789.01', '[TC]'],
    ['1234 5678 901', '[TC]'],
    ['172 917 160 60 5', '[TC] 5'],
    ['10000000146 17291716060', '[TC] [TC]'],
    ['a,10000000146,b', 'a,[TC],b'],
  ])('%s → %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves no run of 11 digits in a long text', () => {
    const text = Array.from({ length: 50 }, (_, i) => `satır ${i} kişi ${10000000146 + i * 1000} ok`).join('\n');
    expect(redact(text)).not.toMatch(ELEVEN_DIGITS);
  });

  it('does not touch runs of other lengths', () => {
    expect(redact('1000000014 and 100000001460')).toBe('1000000014 and 100000001460');
  });
});

describe('redact: phone numbers', () => {
  it.each([
    '+90 532 123 45 67',
    '+905321234567',
    '+90-532-123-45-67',
    '+90 (532) 123 45 67',
    '0090 532 123 4567',
    '0532 123 45 67',
    '05321234567',
    '0532-123-45-67',
    '0532.123.45.67',
    '0 (532) 123 45 67',
    '0 (312) 123 45 67',
    '(0312) 123 4567',
    '0312 123 45 67',
    '0 312 123 4567',
    '5321234567',
    '532 123 45 67',
    '312 123 45 67',
  ])('%s → [TEL]', (phone) => {
    expect(redact(phone)).toBe('[TEL]');
    expect(redact(`Tel: ${phone}, aranmadı`)).toBe('Tel: [TEL], aranmadı');
  });

  it('keeps a bare 10-digit VKN (a legal entity, not personal data)', () => {
    expect(redact('VKN 1234567890')).toBe('VKN 1234567890');
    expect(redact('VKN 2345678901')).toBe('VKN 2345678901');
  });
});

describe('redact: e-mail addresses', () => {
  it.each(['ayse.yilmaz@example.com', 'a_b+etiket@gsb.gov.tr', 'çağrı.öztürk@örnek.com.tr'])('%s', (email) => {
    expect(redact(`gönderen ${email} yanıt yok`)).toBe('gönderen [E-POSTA] yanıt yok');
    expect(redact(`<${email}>`)).toBe('<[E-POSTA]>');
  });
});

describe('redact: quoted values', () => {
  it.each([
    ['Üye "Ayşe Yılmaz" eklenemedi', 'Üye "[…]" eklenemedi'],
    ["Üye 'Ayşe Yılmaz' eklenemedi", 'Üye "[…]" eklenemedi'],
    ['Üye ‘Çağrı Öztürk’ eklenemedi', 'Üye "[…]" eklenemedi'],
    ['Üye “Çağrı Öztürk” eklenemedi', 'Üye "[…]" eklenemedi'],
    ['Üye «Şükrü İnce» eklenemedi', 'Üye "[…]" eklenemedi'],
    ['Üye „Ayşe“ eklenemedi', 'Üye "[…]" eklenemedi'],
    ['value `Ayşe` invalid', 'value "[…]" invalid'],
    ['"Ayşe Yılmaz"', '"[…]"'],
    ['name="Ayşe",surname="Yılmaz"', 'name="[…]",surname="[…]"'],
    ["‘Ayşe’nin kaydı’ yok", '"[…]" yok'],
    ["ENOENT: no such file or directory, open 'C:\\Users\\ayse\\Desktop\\üyeler.xlsx'", 'ENOENT: no such file or directory, open "[…]"'],
  ])('%s → %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('redacts to the end of the line when a quote is not closed', () => {
    expect(redact('Üye "Ayşe Yılmaz eklenemedi\nsonraki satır')).toBe('Üye "[…]"\nsonraki satır');
  });

  it('keeps Turkish apostrophes, one-character quotes and empty quotes', () => {
    for (const text of ["Ankara'da ve İzmir'de", "TC'si yok", 'Köprü’nün ayarları', "ayırıcı ',' veya \"\"", "harf 'a' yok"]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('redact: home folders', () => {
  it.each([
    ['C:\\Users\\ayse.yilmaz\\AppData\\Roaming\\Köprü\\data', 'C:\\Users\\[KULLANICI]\\AppData\\Roaming\\Köprü\\data'],
    ['c:\\users\\Ayşe Yılmaz\\Desktop\\x.kopru', 'c:\\users\\[KULLANICI]\\Desktop\\x.kopru'],
    ['C:/Users/ayse/AppData', 'C:/Users/[KULLANICI]/AppData'],
    ['C:\\\\Users\\\\ayse\\\\AppData', 'C:\\\\Users\\\\[KULLANICI]\\\\AppData'],
    ['file:///C:/Users/ayse/x', 'file:///C:/Users/[KULLANICI]/x'],
    ['C:\\Documents and Settings\\ayse\\x', 'C:\\Documents and Settings\\[KULLANICI]\\x'],
    ['/home/ayse/.config/Köprü/data/kopru.sqlite', '/home/[KULLANICI]/.config/Köprü/data/kopru.sqlite'],
    ['açılamadı: /home/ayse', 'açılamadı: /home/[KULLANICI]'],
    ['/Users/ayse/Library/Application Support/Köprü', '/Users/[KULLANICI]/Library/Application Support/Köprü'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('redact: what must survive', () => {
  it.each([
    '2026-12-06',
    '2026-12-06T10:30:15.123Z',
    '06.12.2026',
    '06.12.2026 100 kayıt',
    '06 ABC 123',
    'plaka 34 ABC 1234',
    'GSB-06-2026-0042',
    'GSB-81-2026-10042',
    'E-67915368-903.07.02-4752',
    'UNIQUE constraint failed: change_log.origin_node, change_log.seq',
    'FOREIGN KEY constraint failed',
    'SQLITE_BUSY: database is locked',
    'registry:savePerson',
    'installation:status',
    'count=1234 ms=87',
    '1.234.567 satır',
    '2026-12-06T10:30:15.123Z-0001-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    'electron 45.4.1',
    'Ayarlar » Destek',
    'at createDispatcher (index.js:123:45)',
    '444 1 122',
  ])('%s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('is idempotent', () => {
    const samples = [
      'Üye "Ayşe Yılmaz" (10000000146, 0532 123 45 67, ayse@example.com) C:\\Users\\ayse\\x',
      "‘Ayşe’nin kaydı’ ve 'Ali' \"Veli",
      '/home/ayse/x 123 456 789 01 TR33 0006 1005 1978 6457 8413 26',
    ];
    for (const s of samples) expect(redact(redact(s))).toBe(redact(s));
  });

  it('redacts a Turkish IBAN', () => {
    expect(redact('IBAN TR33 0006 1005 1978 6457 8413 26 hatalı')).toBe('IBAN [IBAN] hatalı');
    expect(redact('TR330006100519786457841326')).toBe('[IBAN]');
  });
});

describe('describeError', () => {
  it('keeps name, code and frames, and redacts the message', () => {
    const error = Object.assign(new Error('Kişi "Ayşe Yılmaz" (10000000146) zaten kayıtlı'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    const d = describeError(error);
    expect(d.errorName).toBe('Error');
    expect(d.errorCode).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(d.message).toBe('Kişi "[…]" ([TC]) zaten kayıtlı');
    expect(d.frames.length).toBeGreaterThan(0);
    expect(d.frames[0]).toMatch(/^redact\.test\.ts:\d+:\d+/);
    expect(JSON.stringify(d)).not.toMatch(ELEVEN_DIGITS);
    expect(JSON.stringify(d)).not.toContain('Ayşe');
  });

  it('takes no message text from the stack, even a multi-line message', () => {
    const error = new TypeError('satır bir\n    at Ayşe Yılmaz (17291716060:1:1)\nüç');
    const d = describeError(error);
    expect(d.errorName).toBe('TypeError');
    expect(d.frames.join(',')).not.toMatch(ELEVEN_DIGITS);
    expect(d.frames.join(',')).not.toContain('Ayşe');
    expect(d.frames.every((f) => /^[^\s/\\]+:\d+:\d+(\([\w$.<>]+\))?$/.test(f))).toBe(true);
  });

  it('names the cause and ignores unsafe codes', () => {
    const error = new Error('dış', { cause: new RangeError('iç') });
    Object.assign(error, { code: 'has spaces and "Ayşe"' });
    const d = describeError(error);
    expect(d.causeName).toBe('RangeError');
    expect(d.errorCode).toBeUndefined();
  });

  it('describes things that are not errors', () => {
    expect(describeError('kayıt 10000000146 yok')).toEqual({ errorName: 'NonError', message: 'kayıt [TC] yok', frames: [] });
    expect(describeError({ name: 'Ayşe' })).toEqual({ errorName: 'NonError', message: 'object', frames: [] });
    expect(describeError(undefined).message).toBe('undefined');
    expect(describeError(null).message).toBe('null');
  });

  it('reads error-like objects from another realm', () => {
    const d = describeError({ name: 'SqliteError', message: "no such table: 'x_y'", code: 'SQLITE_ERROR', stack: 'SqliteError\n    at run (/home/ayse/app/out/main/index.js:10:2)' });
    expect(d).toEqual({ errorName: 'SqliteError', errorCode: 'SQLITE_ERROR', message: 'no such table: "[…]"', frames: ['index.js:10:2(run)'] });
  });
});

describe('createLogger', () => {
  it('formats event key=value, redacting and bounding every value', () => {
    const sink = memorySink();
    const log = createLogger(sink);
    log.warn('dispatch.slow', { channel: 'registry:list', ms: 123.456, count: 42, ok: true, none: null, skipped: undefined, reason: 'database is locked' });
    log.info('person.saved', { kind: 'member', id: 10000000146, name: 'x', extra: { name: 'Ayşe Yılmaz' }, list: ['Ayşe'] });
    expect(sink.entries).toEqual([
      { level: 'warn', message: 'dispatch.slow channel=registry:list ms=123.46 count=42 ok=true none=null reason={database is locked}' },
      { level: 'info', message: 'person.saved kind=member id=[TC] name=x extra=[object] list=[array:1]' },
    ]);
  });

  it('logs error name, code, redacted message and frames for an error field', () => {
    const sink = memorySink();
    const error = Object.assign(new Error('TC 17291716060 için "Çağrı Öztürk" ayse@example.com'), { code: 'VALIDATION' });
    createLogger(sink).error('dispatch.failed', { channel: 'registry:savePerson', error });
    const line = sink.entries[0]!.message;
    expect(line).toMatch(/^dispatch\.failed channel=registry:savePerson errorName=Error errorCode=VALIDATION message=\{TC \[TC\] için "\[…\]" \[E-POSTA\]\} frames=redact\.test\.ts:\d+:\d+/);
    expect(line).not.toMatch(ELEVEN_DIGITS);
    expect(line).not.toContain('Çağrı');
    expect(line).not.toContain('example.com');
  });

  it('truncates each value and the whole line', () => {
    const sink = memorySink();
    const long = 'a'.repeat(1000);
    createLogger(sink).info('big', { a: long });
    expect(sink.entries[0]!.message.length).toBe('big a='.length + MAX_VALUE_CHARS);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'ğ'.repeat(200)]));
    const line = formatEntry('many', many);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(line.endsWith('…')).toBe(true);
    expect(line).not.toContain('\uFFFD');
  });

  it('redacts before truncating, so a TC at the cut is not left as a shorter run', () => {
    const line = formatEntry('cut', { a: 'x'.repeat(MAX_VALUE_CHARS - 5) + '10000000146' });
    expect(line).not.toMatch(/\d{5,}/);
  });

  it('never throws, even when the sink does', () => {
    const log = createLogger({
      write() {
        throw new Error('disk full');
      },
    });
    const hostile = {
      get message(): string {
        throw new Error('boom');
      },
    };
    expect(() => log.error('x', { error: hostile })).not.toThrow();
  });

  it('memorySink keeps at most its limit and drains', () => {
    const sink = memorySink(3);
    const log = createLogger(sink);
    for (let i = 0; i < 5; i++) log.info('e', { i });
    expect(sink.entries.map((e) => e.message)).toEqual(['e i=2', 'e i=3', 'e i=4']);
    expect(sink.drain()).toHaveLength(3);
    expect(sink.entries).toHaveLength(0);
  });
});
