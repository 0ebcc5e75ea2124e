// Words of the document preview (renderer/components/DocumentPreview.tsx).

export const previewTr = {
  'preview.subtitle': 'Baskı önizleme',
  'preview.loading': 'Belge hazırlanıyor…',
  'preview.pageCount': 'Sayfa {page} / {count}',
  'preview.pageAlt': 'Sayfa {page}',
  'preview.pages': 'Belgenin sayfaları',
  'preview.print': 'Yazdır',
  'preview.save': 'Kaydet',
  'preview.close': 'Önizlemeyi kapat',
  'preview.errorTitle': 'Belge önizlenemedi',
  'preview.error': 'Bu dosyanın sayfaları gösterilemedi. Kaydet ile dosyayı kaydedip bir PDF okuyucusunda açabilirsiniz.',
  'preview.printError': 'Yazdırma başlatılamadı. Belgeyi kaydedip bir PDF okuyucusundan yazdırabilirsiniz.',
} as const;

export const previewEn: Record<keyof typeof previewTr, string> = {
  'preview.subtitle': 'Print preview',
  'preview.loading': 'Preparing the document…',
  'preview.pageCount': 'Page {page} of {count}',
  'preview.pageAlt': 'Page {page}',
  'preview.pages': 'Pages of the document',
  'preview.print': 'Print',
  'preview.save': 'Save',
  'preview.close': 'Close the preview',
  'preview.errorTitle': 'The document cannot be previewed',
  'preview.error': 'The pages of this file could not be shown. Save the file with Save and open it in a PDF reader.',
  'preview.printError': 'Printing could not be started. Save the document and print it from a PDF reader.',
};
