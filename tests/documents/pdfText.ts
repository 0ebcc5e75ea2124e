import zlib from 'node:zlib';

// Dependency-free text extraction for the PDFs pdfkit writes: inflate the streams, read each embedded font's
// ToUnicode map, and decode the hex glyph strings of the page content with the font in use. Enough to check
// what a printed document says (not a general PDF parser).

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!;
    const at = body.indexOf('stream\n');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = m.index + m[0].indexOf(body) + at + 'stream\n'.length;
    const end = text.indexOf('\nendstream', start);
    let stream = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) stream = zlib.inflateSync(stream);
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

function cmap(source: string): Map<string, string> {
  const map = new Map<string, string>();
  // A ligature maps one glyph to several characters: `<0066 0066>` is "ff".
  const hexToText = (hex: string) => String.fromCodePoint(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of source.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const r of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(r[1]!, 16);
      const to = parseInt(r[2]!, 16);
      const targets = r[3]!.startsWith('[') ? [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((t) => t[1]!) : null;
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).padStart(4, '0');
        if (targets) map.set(key, hexToText(targets[code - from] ?? ''));
        else map.set(key, String.fromCodePoint(parseInt(r[3]!.slice(1, -1), 16) + code - from));
      }
    }
  }
  for (const block of source.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const r of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(r[1]!.toLowerCase().padStart(4, '0'), hexToText(r[2]!));
  }
  return map;
}

/** The text of every page, in drawing order, one text operation per line. */
export function pdfText(pdf: Buffer): string {
  return [...textByObject(pdf).values()].join('\n');
}

/** The text of each page, in page order (whitespace collapsed): what a reader sees on each sheet of paper. */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const text = textByObject(pdf);
  const pages = [...objs.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
  const kids = [...(pages?.dict.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  return kids.map((id) => {
    const contents = objs.get(id)?.dict.match(/\/Contents (\d+) 0 R/)?.[1];
    return (contents ? (text.get(Number(contents)) ?? '') : '').replace(/\s+/g, ' ').trim();
  });
}

function textByObject(pdf: Buffer): Map<number, string> {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<string, string>>();
  for (const obj of objs.values()) {
    for (const ref of obj.dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(ref[2]));
      const toUnicode = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
      const stream = toUnicode ? objs.get(Number(toUnicode[1]))?.stream : null;
      if (stream) fonts.set(ref[1]!, cmap(stream.toString('latin1')));
    }
  }
  const out = new Map<number, string>();
  for (const [id, obj] of objs) {
    if (!obj.stream || !/\bBT\b/.test(obj.stream.toString('latin1'))) continue;
    const lines: string[] = [];
    let font = new Map<string, string>();
    for (const op of obj.stream.toString('latin1').matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? new Map();
        continue;
      }
      const decode = (hex: string) => (hex.match(/.{4}/g) ?? []).map((code) => font.get(code.toLowerCase()) ?? '').join('');
      if (op[2] === undefined) {
        lines.push(decode(op[3]!));
        continue;
      }
      // Inside TJ a large negative offset is a word gap (justified text draws words apart, without spaces).
      const parts = [...op[2].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)].map((t) => (t[1] !== undefined ? decode(t[1]) : Number(t[2]) < -200 ? ' ' : ''));
      lines.push(parts.join(''));
    }
    out.set(id, lines.join('\n'));
  }
  return out;
}

