import { AppError, msg, word, type NestedMessage } from '../../shared/contract';
import { provinceByPlate } from '../../shared/regions';
import { defaultPublishedTitle, reportSchema, type PublishedReport, type ReportInput } from '../../shared/contract/reports';
import type { ChangeWriter, Row } from '../../db/changeLog/writer';
import type { OpenDatabase } from '../../db/open';
import { publishedReports, type PublishedReportRow } from '../../db/reports/queries';
import { publishedReportsSpec } from '../../db/reports/specs';
import { buildReport, periodText } from './report';

// Counts-only figures (issue #15): the ministry computes a national or regional report from the rows it holds
// and stores it as one synced row, which reaches every installation with its next exchange file. Only the
// figures and their definitions travel; a province shows the country's figures without holding its rows.

/** The stored report, or null when this version cannot read it (a newer one's, with figures it does not know). */
function storedReport(json: unknown): PublishedReport['report'] {
  try {
    return reportSchema.safeParse(JSON.parse(String(json))).data ?? null;
  } catch {
    return null;
  }
}

function fromRow(row: PublishedReportRow | Row): PublishedReport {
  return {
    id: String(row.id),
    title: String(row.title),
    from: String(row.period_from),
    to: String(row.period_to),
    scopeLabel: String(row.scope_label),
    publishedAt: String(row.published_at),
    report: storedReport(row.report),
  };
}

export function listPublished(db: OpenDatabase): PublishedReport[] {
  return publishedReports(db).map(fromRow);
}

/** The scope as a word the screens translate (a youth centre is named by its proper names only). */
function scopeWord(scope: ReportInput['scope'], label: string): NestedMessage | string {
  if (scope.level === 'national') return word('reports.scope', 'national');
  if (scope.level === 'region') return word('reports.scope', 'region', { region: scope.region });
  if (scope.level === 'province') return word('reports.scope', 'province', { province: provinceByPlate(scope.provincePlate)?.name ?? scope.provincePlate });
  return label;
}

/** Computes the report as `reports:figures` does and stores it, owned by the publishing unit (the ministry). */
export function publishReport(
  target: { db: OpenDatabase; writer: ChangeWriter; unitId: string },
  input: ReportInput & { title?: string },
  publishedAt: string,
): PublishedReport {
  const { db, writer } = target;
  const report = buildReport(db, input);
  if (report.figures.every((f) => f.value === 0)) {
    throw new AppError(
      'VALIDATION',
      msg('reports.noFiguresForScope', { scope: scopeWord(input.scope, report.scopeLabel), period: periodText(report) }),
      [{ path: 'from', label: 'Başlangıç', message: msg('reports.buDonemdeGonderilecekRakam') }],
    );
  }
  const row = db.sqlite.transaction(() =>
    writer.insert(publishedReportsSpec, target.unitId, {
      title: input.title || defaultPublishedTitle(report.scopeLabel, report.from, report.to),
      period_from: report.from,
      period_to: report.to,
      scope_label: report.scopeLabel,
      report: JSON.stringify(report),
      published_at: publishedAt,
    }),
  )();
  return fromRow(row);
}
