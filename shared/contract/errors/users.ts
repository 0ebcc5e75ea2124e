import type { MessageText } from './text';

// Messages the users backend sends a person (see ./index.ts).

export const usersMessages = {
  'users.buKullaniciAdiZaten': {
    tr: 'Bu kullanıcı adı zaten var (büyük/küçük harf ve Türkçe harfler fark etmez).',
    en: 'This username already exists (upper/lower case and Turkish letters make no difference).',
  },
  'users.buKullaniciHesabiBulunamadi': {
    tr: 'Bu kullanıcı hesabı bulunamadı.',
    en: 'This user account was not found.',
  },
  'users.buKurulumdaZatenKullanici': {
    tr: 'Bu kurulumda zaten kullanıcı hesabı var; yöneticiyi yalnızca bir yönetici ekleyebilir. Hiçbir şey değiştirilmedi.',
    en: 'This installation already has user accounts; only an administrator can add an administrator. Nothing was changed.',
  },
  'users.buKurulumdaZatenKullanici2': {
    tr: 'Bu kurulumda zaten kullanıcı hesabı var. Hiçbir şey değiştirilmedi.',
    en: 'This installation already has user accounts. Nothing was changed.',
  },
  // How long an account waits (the {value} of the two messages below), in Turkey's time.
  'users.lockedUntil.seconds': { tr: "{time}'e kadar ({seconds} saniye)", en: 'until {time} ({seconds} seconds)' },
  'users.lockedUntil.minutes': { tr: "{time}'e kadar (yaklaşık {minutes} dakika)", en: 'until {time} (about {minutes} minutes)' },
  'users.cokFazlaYanlisParola': {
    tr: 'Çok fazla yanlış parola denendi; bu hesap {value} bekliyor. Parolanızı unuttuysanız yöneticiniz yenisini verebilir.',
    en: 'Too many wrong passwords were tried; this account is waiting {value}. If you have forgotten your password, your administrator can give you a new one.',
  },
  'users.cokFazlaYanlisParola2': {
    tr: 'Çok fazla yanlış parola denendi; bu hesap {value} bekleyecek. Parolanızı unuttuysanız yöneticiniz yenisini verebilir.',
    en: 'Too many wrong passwords were tried; this account will wait {value}. If you have forgotten your password, your administrator can give you a new one.',
  },
  'users.buHesapDevreDisi': {
    tr: 'Bu hesap devre dışı bırakılmış; yöneticinize başvurun.',
    en: 'This account has been disabled; contact your administrator.',
  },
  'users.simdikiParolaYanlisParola': {
    tr: 'Şimdiki parola yanlış; parola değiştirilmedi.',
    en: 'The current password is wrong; the password was not changed.',
  },
  'users.yeniParolaSimdikiyleAyni': {
    tr: 'Yeni parola şimdikiyle aynı.',
    en: 'The new password is the same as the current one.',
  },
  'users.buKurulumunTekEtkin': {
    tr: 'Bu, kurulumun tek etkin yöneticisi; önce başka bir yönetici ekleyin. Hiçbir şey değiştirilmedi.',
    en: 'This is the installation\'s only active administrator; add another administrator first. Nothing was changed.',
  },
  'users.wrongPassword': {
    tr: 'Kullanıcı adı ya da parola yanlış.',
    en: 'The username or password is wrong.',
  },
  'users.wrongPasswordLeft': {
    tr: 'Kullanıcı adı ya da parola yanlış. {left} deneme hakkınız kaldı; sonra hesap bir süre bekler.',
    en: 'The username or password is wrong. You have {left} tries left; then the account waits for a while.',
  },
} as const satisfies Record<string, MessageText>;
