// What the desktop app says in its own (native) dialogs when something outside the window goes wrong: the
// window's process died, the backend stopped, the page never became ready, main itself failed. Turkish first,
// English when that is the chosen language. Each says what happened to the person's data (nothing was lost:
// every acknowledged save is committed) and what to do.

export type NoticeLanguage = 'tr' | 'en';

export interface Notice {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
}

type Texts = Record<NoticeLanguage, Notice>;

const RENDERER_GONE: Texts = {
  tr: {
    title: 'Köprü',
    message: 'Köprü penceresi beklenmedik biçimde kapandı.',
    detail: 'Kaydedilmiş bütün bilgileriniz korunuyor; yalnızca o anda açık olan ve henüz kaydedilmemiş bir form kaybolmuş olabilir. Pencereyi yeniden açabilir ya da Köprü’den çıkabilirsiniz. Olay günlüğe yazıldı.',
    buttons: ['Pencereyi yeniden aç', 'Çık'],
  },
  en: {
    title: 'Köprü',
    message: 'The Köprü window closed unexpectedly.',
    detail: 'Everything you saved is safe; only a form that was open and not yet saved may be lost. You can reopen the window or quit Köprü. The event was written to the log.',
    buttons: ['Reopen the window', 'Quit'],
  },
};

const BACKEND_GONE: Texts = {
  tr: {
    title: 'Köprü',
    message: 'Köprü’nün veritabanı işlemleri beklenmedik biçimde durdu.',
    detail: 'Onaylanmış bütün kayıtlarınız veritabanında; yarım kalan bir işlem geri alındı. Devam etmek için Köprü’yü yeniden başlatın. Olay günlüğe yazıldı.',
    buttons: ['Yeniden başlat', 'Çık'],
  },
  en: {
    title: 'Köprü',
    message: 'Köprü’s database work stopped unexpectedly.',
    detail: 'Every save that was confirmed is in the database; an operation cut short was rolled back. Restart Köprü to go on. The event was written to the log.',
    buttons: ['Restart', 'Quit'],
  },
};

const NEVER_READY: Texts = {
  tr: {
    title: 'Köprü',
    message: 'Köprü penceresi açılamadı.',
    detail: 'Uygulamanın ekranı yüklenemedi. Köprü’yü kapatıp yeniden açın; sorun sürerse uygulamayı yeniden kurun ya da bilgi işlem sorumlunuza başvurun. Verileriniz etkilenmedi. Olay günlüğe yazıldı.',
    buttons: ['Yeniden dene', 'Çık'],
  },
  en: {
    title: 'Köprü',
    message: 'The Köprü window could not be opened.',
    detail: 'The application’s screen did not load. Close Köprü and open it again; if the problem persists, reinstall it or contact your IT staff. Your data is unaffected. The event was written to the log.',
    buttons: ['Try again', 'Quit'],
  },
};

const MAIN_ERROR: Texts = {
  tr: {
    title: 'Köprü',
    message: 'Köprü’de beklenmedik bir hata oluştu.',
    detail: 'Kaydedilmiş bilgileriniz korunuyor. Köprü’yü kapatıp yeniden açın; sorun sürerse Ayarlar ekranından bir destek paketi oluşturup bilgi işlem sorumlunuza iletin.',
    buttons: ['Tamam'],
  },
  en: {
    title: 'Köprü',
    message: 'An unexpected error occurred in Köprü.',
    detail: 'Your saved data is safe. Close Köprü and open it again; if the problem persists, create a support bundle in Settings and send it to your IT staff.',
    buttons: ['OK'],
  },
};

export const NOTICES = { rendererGone: RENDERER_GONE, backendGone: BACKEND_GONE, neverReady: NEVER_READY, mainError: MAIN_ERROR } as const;

export function notice(kind: keyof typeof NOTICES, language: NoticeLanguage): Notice {
  return NOTICES[kind][language];
}

export function aboutText(language: NoticeLanguage, versions: { app: string; electron: string; chrome: string; node: string }): Notice {
  const body = `Sürüm / Version ${versions.app}\nElectron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node}`;
  return language === 'tr'
    ? { title: 'Köprü Hakkında', message: 'Köprü — Gençlik ve Spor Bakanlığı', detail: `STK ilişkileri, gençlik dernekleri sicili ve gençlik merkezi toplantıları.\n${body}`, buttons: ['Tamam'] }
    : { title: 'About Köprü', message: 'Köprü — Ministry of Youth and Sports', detail: `CSO relations, the youth association registry and youth-centre meetings.\n${body}`, buttons: ['OK'] };
}
