// The ministry board's map and chart: Turkish first; the English object must translate every key (typed).
// Kept apart from messages.ts so that the board's other changes (export, lists) merge cleanly.

export const boardChartsTr = {
  'meetings.board.map.figure': '{term}: toplantı yapan merkez oranı',
  'meetings.board.map.value': '{held} / {centres} merkez toplantı yaptı ({share})',
  'meetings.board.map.outside': 'Gençlik merkezi yok ya da bölge dışında',
  'meetings.board.map.hint': 'İlin planlayıcısını açmak için tıklayın ya da Enter tuşuna basın.',
  'meetings.board.map.idle': 'Bir ilin üzerine gelin ya da Sekme tuşuyla seçin: adı ve oranı burada yazar. Tıklayınca ilin planlayıcısı açılır.',
  'meetings.board.chart.title': '{term}: bölgelere göre toplantı yapan merkez',
  'meetings.board.chart.held': 'Toplantı yapan',
  'meetings.board.chart.notHeld': 'Henüz yapmayan',
} as const;

export const boardChartsEn: Record<keyof typeof boardChartsTr, string> = {
  'meetings.board.map.figure': '{term}: share of centres that met',
  'meetings.board.map.value': '{held} of {centres} centres met ({share})',
  'meetings.board.map.outside': 'No youth centres, or outside the region',
  'meetings.board.map.hint': 'Click or press Enter to open the province’s planner.',
  'meetings.board.map.idle': 'Point at a province or reach it with the Tab key: its name and share appear here. A click opens its planner.',
  'meetings.board.chart.title': '{term}: centres that met, by region',
  'meetings.board.chart.held': 'Held a meeting',
  'meetings.board.chart.notHeld': 'Not yet',
};
