// Run by tests/packaging/builder.test.ts in a separate Node process (plain JS, no loader needed), from a
// temporary folder that holds exactly the files electron-builder would put into app.asar: exercises the
// production dependencies the way the app does and prints, as JSON, every file under node_modules that Node
// resolved (import and require, through module.registerHooks) or read with fs.readFileSync (fonts). A file
// excluded by electron-builder.yml that the app needs makes it throw; the test also checks nothing was
// resolved from outside that folder.
//
// It imports with the same specifiers as the app (the built main process is ESM, like this file).
// electron-log is exercised through its Node entry: its Electron entry needs `electron`.
import fs from 'node:fs';
import { createRequire, registerHooks, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const touched = new Set();
const note = (file) => {
  if (file.includes(`${path.sep}node_modules${path.sep}`)) touched.add(file);
};

registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    if (result.url?.startsWith('file:')) note(fileURLToPath(result.url));
    return result;
  },
});

const readFileSync = fs.readFileSync;
fs.readFileSync = function patchedReadFileSync(file, ...rest) {
  if (typeof file === 'string') note(path.resolve(file));
  else if (file instanceof URL) note(fileURLToPath(file));
  return readFileSync.call(this, file, ...rest);
};
// Modules that import { readFileSync } from 'node:fs' (pdfkit does) see the patched function too.
syncBuiltinESMExports();

const require = createRequire(import.meta.url);

// better-sqlite3 with FTS5, as db/ uses it (drizzle-orm and zod are bundled into out/main, not packed).
const { default: Database } = await import('better-sqlite3');
const sqlite = new Database(':memory:');
sqlite.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT); CREATE VIRTUAL TABLE probe_fts USING fts5(name);');
sqlite.prepare('INSERT INTO probe (id, name) VALUES (1, ?)').run('Köprü');
if (sqlite.prepare('SELECT name FROM probe WHERE id = 1').get()?.name !== 'Köprü') throw new Error('SQLite round trip failed');
sqlite.close();

// exceljs: write and read back an xlsx, and a CSV (electron/registry/spreadsheet.ts, electron/reports/export.ts).
const { default: ExcelJS } = await import('exceljs');
const workbook = new ExcelJS.Workbook();
workbook.addWorksheet('Dernekler').addRow(['Ad', 'İl']);
const xlsx = await workbook.xlsx.writeBuffer();
await new ExcelJS.Workbook().xlsx.load(xlsx);
await workbook.csv.writeBuffer();

// pdfkit with the four DejaVu faces the app embeds (electron/documents/layout.ts resolves them the same way):
// sans for lists and forms, serif for letters.
const { default: PDFDocument } = await import('pdfkit');
const regular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const bold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const serif = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
const serifBold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf');
await new Promise((resolve, reject) => {
  const doc = new PDFDocument({ size: 'A4', compress: true });
  doc.on('data', () => {});
  doc.on('end', resolve);
  doc.on('error', reject);
  doc.registerFont('DejaVu', regular).registerFont('DejaVu-Bold', bold).registerFont('Serif', serif).registerFont('Serif-Bold', serifBold);
  doc.font('DejaVu-Bold').fontSize(14).text('Gençlik ve Spor Bakanlığı');
  doc.font('DejaVu').fontSize(10).text('Işık, ğüşöç İİ', { width: 400 });
  doc.font('Serif-Bold').fontSize(12).text('T.C. ANKARA VALİLİĞİ');
  doc.font('Serif').fontSize(12).text('Bilgilerinizi rica ederim.', { width: 400 });
  doc.end();
});

// fflate: the mail merge's ZIP of PDFs (electron/documents/archive.ts), read back.
const { unzipSync, zipSync } = await import('fflate');
const zip = zipSync({ 'Işıklı Derneği 14.05.2026.pdf': [new Uint8Array(Buffer.from('%PDF-')), { level: 0 }] });
if (Object.keys(unzipSync(zip))[0] !== 'Işıklı Derneği 14.05.2026.pdf') throw new Error('ZIP round trip failed');

// electron-log's shared core through its Node entry.
const { default: log } = await import('electron-log/node');
log.transports.file.level = false;
log.transports.console.level = false;
log.info('probe');

process.stdout.write(JSON.stringify([...touched].sort()));
