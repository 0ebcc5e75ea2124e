// Words every list's Excel export button uses (renderer/components/ExportButton.tsx).

export const listsTr = {
  'lists.export.button': 'Excel’e aktar',
  'lists.export.doneTitle': 'Excel dosyası hazır',
  'lists.export.done': '“{fileName}” dosyasına {count} satır aktarıldı.',
  'lists.columns.button': 'Sütunlar',
  'lists.columns.title': 'Gösterilecek sütunlar',
} as const;

export const listsEn: Record<keyof typeof listsTr, string> = {
  'lists.export.button': 'Export to Excel',
  'lists.export.doneTitle': 'Excel file ready',
  'lists.export.done': 'Rows exported to “{fileName}”: {count}.',
  'lists.columns.button': 'Columns',
  'lists.columns.title': 'Columns to show',
};
