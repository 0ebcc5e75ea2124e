import type { FigureKey } from '../contract/reports';

// Every figure of the department's report with its Turkish label and the exact definition of what it
// counts (DOMAIN.md §5). The server puts this text into the report, the Excel sheet and the PDF; the
// interface shows it by the figure's key in its own language (renderer/features/reports/messages.ts).

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

/** The scope a report covers, in the words the server writes into its title (and published reports keep). */
export const SCOPE_WORDS = { national: 'Türkiye geneli', regionSuffix: ' Bölgesi', provinceSuffix: ' ili' } as const;

/** The workshops-by-region row of national summits, which belong to no region. */
export const SUMMIT_ROW = 'Ulusal zirve (bölgesiz)';
