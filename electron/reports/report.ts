import { AppError, msg } from '../../shared/contract';
import type { FigureKey, ProvinceFigures, Report, ReportScope } from '../../shared/contract/reports';
import { REQUEST_CATEGORY_LABELS, type RequestCategory } from '../../shared/meetings/fields';
import { provinceByPlate, REGIONS } from '../../shared/regions';
import { formatDateTr } from '../../shared/turkish';
import type { OpenDatabase } from '../../db/open';
import { provinceFigures, reportData } from '../../db/reports/queries';
import { FIGURES, SCOPE_WORDS, SUMMIT_ROW } from '../../shared/reports/figures';

export { FIGURES, SUMMIT_ROW };

// The report as the server builds it: every figure with its Turkish label and definition (shared/reports/
// figures.ts), the breakdown and the tables. The same text goes to the Excel sheet and the PDF.

export const BREAKDOWN_LABELS = { region: 'Bölge', province: 'İl', youthCentre: 'Gençlik merkezi' } as const;

export function scopeLabel(db: OpenDatabase, scope: ReportScope): string {
  if (scope.level === 'national') return SCOPE_WORDS.national;
  if (scope.level === 'region') return `${scope.region}${SCOPE_WORDS.regionSuffix}`;
  if (scope.level === 'province') {
    const province = provinceByPlate(scope.provincePlate);
    if (!province) throw AppError.field('scope.provincePlate', 'İl', msg('reports.boyleBirIlYok'));
    return `${province.name}${SCOPE_WORDS.provinceSuffix}`;
  }
  const centre = db
    .stmt('SELECT y.name, p.name AS provinceName FROM youth_centres y JOIN provinces p ON p.plate = y.province_plate WHERE y.id = ?')
    .get(scope.youthCentreId) as { name: string; provinceName: string } | undefined;
  if (!centre) throw new AppError('NOT_FOUND', msg('reports.genclikMerkeziBulunamadiBu'));
  return `${centre.name} (${centre.provinceName})`;
}

/** Every province's meeting figures for a period (the ministry's map), checked like a report's period. */
export function buildProvinceFigures(db: OpenDatabase, input: { from: string; to: string }): ProvinceFigures {
  checkPeriod(input);
  return { from: input.from, to: input.to, provinces: provinceFigures(db, input) };
}

function checkPeriod(input: { from: string; to: string }) {
  if (input.to < input.from) {
    throw AppError.field('to', 'Bitiş', msg('reports.bitisTarihiBaslangictanOnce'));
  }
}

export function buildReport(db: OpenDatabase, input: { from: string; to: string; scope: ReportScope }): Report {
  checkPeriod(input);
  const label = scopeLabel(db, input.scope);
  const data = reportData(db, input, input.scope, REGIONS);
  const values: Record<FigureKey, number> = { ...data.meetings, ...data.workshops };
  return {
    from: input.from,
    to: input.to,
    scopeLabel: label,
    figures: (Object.keys(FIGURES) as FigureKey[]).map((key) => ({ key, label: FIGURES[key].label, value: values[key], definition: FIGURES[key].definition })),
    firstMeeting: data.firstMeeting,
    breakdown: data.breakdown,
    perTerm: data.perTerm,
    workshopsByRegion: data.workshopsByRegion.map((r) => ({ ...r, region: r.region ?? SUMMIT_ROW })),
    requestsByCategory: data.requestsByCategory.map((r) => ({ category: REQUEST_CATEGORY_LABELS[r.category as RequestCategory] ?? r.category, count: r.count })),
  };
}

export function periodText(report: Pick<Report, 'from' | 'to'>): string {
  return `${formatDateTr(report.from)} – ${formatDateTr(report.to)}`;
}
