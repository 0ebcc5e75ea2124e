import type { reportsContract } from '../../shared/contract/reports';
import { formatDateTr } from '../../shared/turkish';
import { safeFileName } from '../registry/files';
import { reportPdf, reportWorkbook } from '../reports/export';
import { issuerOf } from '../documents/issuer';
import { listPublished, publishReport } from '../reports/published';
import { buildProvinceFigures, buildReport } from '../reports/report';
import { ready } from './guards';
import type { Handlers } from './types';

// The department's figures for any period and scope, with their definitions, on screen and as files; and the
// national or regional figures the ministry publishes for installations that do not hold the rows (issue #15).

export const reportsHandlers: Handlers<keyof typeof reportsContract> = {
  'reports:figures': (input, ctx) => buildReport(ready(ctx).db, input),

  'reports:provinces': (input, ctx) => buildProvinceFigures(ready(ctx).db, input),

  'reports:export': async (input, ctx) => {
    const { db, identity } = ready(ctx);
    const report = buildReport(db, input);
    const name = safeFileName(`Göstergeler ${report.scopeLabel} ${formatDateTr(report.from)}-${formatDateTr(report.to)}`);
    if (input.format === 'xlsx') {
      return { fileName: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: (await reportWorkbook(report)).toString('base64') };
    }
    const pdf = await reportPdf(report, issuerOf(db, identity, ctx.today()));
    return { fileName: `${name}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
  },

  'reports:publish': (input, ctx) => {
    const { db, identity, writer } = ready(ctx);
    return publishReport({ db, writer, unitId: identity.unitId }, input, new Date(ctx.now()).toISOString());
  },

  'reports:published': (_input, ctx) => listPublished(ready(ctx).db),
};
