import fs from 'node:fs';
import type { privacyContract } from '../../shared/contract/privacy';
import { applyRetention, destroyedFiles, logDestruction, readDestructionLog, type DestructionLine } from '../../db/privacy/destruction';
import type { AppContext } from '../app/context';
import { foldLog, mayEraseChange } from '../sync/service';
import { inventoryRows, readPrivacyNotice, readRetentionRules, retentionRulesView, savePrivacyNotice, saveRetentionYears } from '../../db/privacy/queries';
import { privacyNoticePdf } from '../documents/privacyNotice';
import { issuerOf } from '../documents/issuer';
import { inventoryWorkbook } from '../privacy/spreadsheet';
import { privacyReportHandlers } from './privacyReports';
import { blobPath, safeFileName } from '../registry/files';
import { ready } from './guards';
import type { Handlers } from './types';

// Personal data (issue #16): the ministry's retention rules and privacy notice, which every installation reads
// and prints, and the data inventory. Only the ministry writes them (the contract's access), as reference data.

export const privacyHandlers: Handlers<keyof typeof privacyContract> = {
  'privacy:retentionRules': (_input, ctx) => retentionRulesView(ready(ctx).db),

  'privacy:setRetentionRules': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => saveRetentionYears(r.db, r.writer, r.identity.unitId, input.years))();
    return retentionRulesView(r.db);
  },

  'privacy:notice': (_input, ctx) => readPrivacyNotice(ready(ctx).db),

  'privacy:setNotice': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => savePrivacyNotice(r.db, r.writer, r.identity.unitId, input))();
    return readPrivacyNotice(r.db);
  },

  'privacy:noticePdf': async (_input, ctx) => {
    const { db, identity } = ready(ctx);
    const notice = readPrivacyNotice(db);
    const pdf = await privacyNoticePdf(notice, issuerOf(db, identity, ctx.today()));
    return { fileName: `${safeFileName(`Aydınlatma Metni - Sürüm ${notice.version}`)}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
  },

  'privacy:inventory': (_input, ctx) => ({ rows: inventoryRows(ready(ctx).db) }),

  'privacy:inventoryXlsx': (_input, ctx) => {
    const { db } = ready(ctx);
    return inventoryWorkbook(inventoryRows(db), readRetentionRules(db).years, ctx.today());
  },

  'privacy:destructionPreview': (_input, ctx) => {
    const { db, identity } = ready(ctx);
    return { lines: applyRetention(db, destructionContext(ctx, identity.unitId), null) };
  },

  'privacy:runDestruction': (_input, ctx) => runDestruction(ctx, 'manual'),

  'privacy:destructionLog': (_input, ctx) => ({ entries: readDestructionLog(ready(ctx).db) }),

  // The person report and the lost-file report (read only).
  ...privacyReportHandlers,
};

function destructionContext(ctx: AppContext, unitId: string) {
  return { today: ctx.today(), now: new Date(ctx.now()).toISOString(), unitId, years: readRetentionRules(ctx.db!).years, mayErase: mayEraseChange(ctx) };
}

/** Who ran it, for the destruction log: the daily run, or the administrator who asked (issue #16). */
function actorOf(ctx: AppContext, trigger: 'periodic' | 'manual'): string {
  if (trigger === 'periodic') return 'Köprü (günlük otomatik imha)';
  const user = ctx.session.current();
  return user ? `${user.displayName} (${user.username})` : 'Bu kurulumun kullanıcısı (elle)';
}

/**
 * Applies the retention rules in one transaction (all or nothing: a run cut short by a kill leaves everything as
 * it was, and the next run does it again), then folds the WAL so that erased values leave the file. Also the
 * backend's daily run (electron/backend/backend.ts).
 */
export function runDestruction(ctx: AppContext, trigger: 'periodic' | 'manual'): { lines: DestructionLine[]; logged: number } {
  const r = ready(ctx);
  const result = r.db.sqlite.transaction(() => {
    const lines = applyRetention(r.db, destructionContext(ctx, r.identity.unitId), r.writer);
    return { lines, logged: logDestruction(r.db, lines, new Date(ctx.now()).toISOString(), trigger, actorOf(ctx, trigger)) };
  })();
  if (result.lines.some((l) => l.records > 0 || l.copies > 0)) foldLog(ctx);
  // The scanned documents destroyed here or by their owner (its tombstone arrived) leave the disk too.
  for (const sha256 of destroyedFiles(r.db)) fs.rmSync(blobPath(ctx.options.dataDir, sha256), { force: true });
  return result;
}
