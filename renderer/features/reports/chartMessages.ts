// The reports' charts and province map: Turkish first; the English object must translate every key (typed).
// Kept apart from messages.ts, whose figure labels change with the translation work, so both merge cleanly.

export const reportChartsTr = {
  'reports.map.title': 'İllere göre',
  'reports.map.figure': 'Yapılan toplantı',
  'reports.map.outside': 'Kapsam dışında',
  'reports.map.hint': 'İlin raporunu açmak için tıklayın ya da Enter tuşuna basın.',
  'reports.map.idle': 'Bir ilin üzerine gelin ya da Sekme tuşuyla seçin: adı ve sayısı burada yazar. Tıklayınca ilin raporu açılır.',
  'reports.map.idleStatic': 'Bir ilin üzerine gelin: adı ve sayısı burada yazar.',
  'reports.chart.breakdown': 'Yapılan toplantı, STK katılımı',
  'reports.chart.perTerm': 'Dönemlere göre yapılan toplantı ve toplantı yapan merkez',
  'reports.chart.requests': 'Kategorilere göre STK talebi',
  'reports.chart.workshops': 'Bölgelere göre çalıştay katılımcısı',
} as const;

export const reportChartsEn: Record<keyof typeof reportChartsTr, string> = {
  'reports.map.title': 'By province',
  'reports.map.figure': 'Meetings held',
  'reports.map.outside': 'Outside the scope',
  'reports.map.hint': 'Click or press Enter to open the province’s report.',
  'reports.map.idle': 'Point at a province or reach it with the Tab key: its name and figure appear here. A click opens its report.',
  'reports.map.idleStatic': 'Point at a province: its name and figure appear here.',
  'reports.chart.breakdown': 'Meetings held, CSO attendances',
  'reports.chart.perTerm': 'Meetings held and centres that met, by term',
  'reports.chart.requests': 'CSO requests by category',
  'reports.chart.workshops': 'Workshop participants by region',
};
