import { AppError } from '../../shared/contract';
import type { FigureKey, ProvinceFigures, Report, ReportScope } from '../../shared/contract/reports';
import { REQUEST_CATEGORY_LABELS, type RequestCategory } from '../../shared/meetings/fields';
import { provinceByPlate, REGIONS } from '../../shared/regions';
import { formatDateTr } from '../../shared/turkish';
import type { OpenDatabase } from '../../db/open';
import { provinceFigures, reportData } from '../../db/reports/queries';

// The report as users see it: every figure with its Turkish label and the exact definition of what it
// counts (DOMAIN.md §5). The same text goes to the screen, the Excel sheet and the PDF.

const HELD = 'durumu "Yapıldı" olan, silinmemiş ve tarihi dönem içinde (başlangıç ve bitiş günleri dahil) olan, kapsamdaki gençlik merkezlerinin toplantıları';

export const FIGURES: Record<FigureKey, { label: string; definition: string }> = {
  meetingsHeld: {
    label: 'Yapılan toplantı',
    definition: `Dönem içinde yapılan toplantı sayısı: ${HELD}. Planlanan, ertelenen ve iptal edilen toplantılar sayılmaz.`,
  },
  provincesWithMeeting: {
    label: 'Toplantı yapılan il',
    definition: 'Dönem içinde en az bir toplantısı yapılmış farklı il sayısı.',
  },
  youthCentresWithMeeting: {
    label: 'Toplantı yapan gençlik merkezi',
    definition: 'Dönem içinde en az bir toplantı yapmış farklı gençlik merkezi sayısı.',
  },
  csoAttendances: {
    label: 'STK katılımı',
    definition:
      'Yapılan toplantılara "STK temsilcisi" olarak kaydedilip "katıldı" işaretlenen katılımcı sayısı (katılım). İki toplantıya katılan bir kişi 2 katılım sayılır. Davet edilip gelmeyenler, silinen katılımcılar ve STK dışı katılımcılar (kamu, üniversite, genç vb.) sayılmaz.',
  },
  csoRepresentatives: {
    label: 'STK temsilcisi (tekil kişi)',
    definition:
      'STK katılımlarındaki farklı kişi sayısı: aynı kişi kaç toplantıya katılırsa katılsın 1 sayılır. Kişi, rehberdeki kişi kaydıyla; kaydı yoksa ad soyad ve kurumuyla tanınır.',
  },
  uniqueCsos: {
    label: 'Katılan farklı STK',
    definition:
      'STK katılımlarındaki farklı kurum sayısı. Rehberde birleştirilen kayıtlar birleştirildikleri kurum olarak tek sayılır; rehberde olmayan, adı yazılan kurumlar büyük-küçük harf ve Türkçe karakter farkı gözetmeden adlarıyla sayılır.',
  },
  requests: {
    label: 'STK talebi',
    definition: 'Yapılan toplantılarda kaydedilen (silinmemiş) STK talebi sayısı.',
  },
  decisions: {
    label: 'Alınan karar',
    definition: 'Yapılan toplantılarda alınan (silinmemiş) karar sayısı; kararın bugünkü durumu ne olursa olsun.',
  },
  decisionsCompleted: {
    label: 'Tamamlanan karar',
    definition: 'Bu kararlardan bugün durumu "Tamamlandı" olanların sayısı.',
  },
  workshops: {
    label: 'Çalıştay / zirve',
    definition:
      'Başlangıç tarihi dönem içinde olan bölge çalıştayı ve ulusal zirve sayısı. Bölge kapsamında o bölgenin çalıştayları (ulusal zirveler hariç); il kapsamında o ilden en az bir katılımcısı olan etkinlikler sayılır; gençlik merkezi kapsamında 0.',
  },
  workshopParticipants: {
    label: 'Çalıştay katılımcısı',
    definition:
      'Bu etkinliklerin (silinmemiş) katılımcı sayısı; iki etkinliğe katılan kişi 2 sayılır. İl kapsamında yalnızca o ilden gelen katılımcılar sayılır.',
  },
  workshopOrganisations: {
    label: 'Çalıştaya katılan farklı kurum',
    definition:
      'Bu katılımcıların farklı kurum sayısı; birleştirilen rehber kayıtları tek, adı yazılan kurumlar adlarıyla (Türkçe karakter farkı gözetmeden) sayılır.',
  },
  workshopProvincesCovered: {
    label: 'Katılımcı gelen il',
    definition: 'Bu katılımcıların geldiği farklı il sayısı.',
  },
  workshopHostProvinces: {
    label: 'Ev sahibi il',
    definition: 'Bu etkinliklere ev sahipliği yapan farklı il sayısı (ev sahibi il girilmemiş etkinlikler sayılmaz).',
  },
  workshopRegions: {
    label: 'Çalıştay yapılan bölge',
    definition: 'Bu etkinliklerin ait olduğu farklı coğrafi bölge sayısı (ulusal zirveler bir bölgeye ait değildir).',
  },
};

export const BREAKDOWN_LABELS = { region: 'Bölge', province: 'İl', youthCentre: 'Gençlik merkezi' } as const;
export const SUMMIT_ROW = 'Ulusal zirve (bölgesiz)';

export function scopeLabel(db: OpenDatabase, scope: ReportScope): string {
  if (scope.level === 'national') return 'Türkiye geneli';
  if (scope.level === 'region') return `${scope.region} Bölgesi`;
  if (scope.level === 'province') {
    const province = provinceByPlate(scope.provincePlate);
    if (!province) throw new AppError('VALIDATION', 'İl: Böyle bir il yok.', [{ path: 'scope.provincePlate', label: 'İl', message: 'Böyle bir il yok.' }]);
    return `${province.name} ili`;
  }
  const centre = db
    .stmt('SELECT y.name, p.name AS provinceName FROM youth_centres y JOIN provinces p ON p.plate = y.province_plate WHERE y.id = ?')
    .get(scope.youthCentreId) as { name: string; provinceName: string } | undefined;
  if (!centre) throw new AppError('NOT_FOUND', 'Gençlik merkezi bulunamadı; bu kuruluma hiç gelmemiş olabilir.');
  return `${centre.name} (${centre.provinceName})`;
}

/** Every province's meeting figures for a period (the ministry's map), checked like a report's period. */
export function buildProvinceFigures(db: OpenDatabase, input: { from: string; to: string }): ProvinceFigures {
  checkPeriod(input);
  return { from: input.from, to: input.to, provinces: provinceFigures(db, input) };
}

function checkPeriod(input: { from: string; to: string }) {
  if (input.to < input.from) {
    throw new AppError('VALIDATION', 'Bitiş: Bitiş tarihi başlangıçtan önce olamaz.', [{ path: 'to', label: 'Bitiş', message: 'Bitiş tarihi başlangıçtan önce olamaz.' }]);
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
