import type { privacyContract } from '../../shared/contract/privacy';
import { inventoryRows, readPrivacyNotice, readRetentionRules, retentionRulesView, savePrivacyNotice, saveRetentionYears } from '../../db/privacy/queries';
import { privacyNoticePdf } from '../privacy/pdf';
import { inventoryWorkbook } from '../privacy/spreadsheet';
import { safeFileName } from '../registry/files';
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
    const pdf = await privacyNoticePdf(notice, { unitName: identity.unitName, today: ctx.today() });
    return { fileName: `${safeFileName(`Aydınlatma Metni - Sürüm ${notice.version}`)}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
  },

  'privacy:inventory': (_input, ctx) => ({ rows: inventoryRows(ready(ctx).db) }),

  'privacy:inventoryXlsx': (_input, ctx) => {
    const { db } = ready(ctx);
    return inventoryWorkbook(inventoryRows(db), readRetentionRules(db).years, ctx.today());
  },
};
