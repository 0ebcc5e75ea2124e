// The privacy notice (aydınlatma metni, KVKK Art. 10) the ministry gives data subjects: ministry reference data
// (`reference_data` row `privacyNotice`), printable as a PDF on every installation. The default below covers
// every item Art. 10 asks for; the ministry edits it, and each save is a new version.
//
// The body is plain text with two marks, so the screen and the PDF lay it out the same way: a line starting
// with `## ` is a heading, a line starting with `- ` is a list item; a blank line ends a paragraph.

export const PRIVACY_NOTICE_ID = 'privacyNotice';

export interface PrivacyNotice {
  title: string;
  body: string;
  /** 1 for the default text; each save by the ministry adds one. */
  version: number;
}

export const NOTICE_TITLE_MAX = 200;
export const NOTICE_BODY_MAX = 30_000;

export const DEFAULT_PRIVACY_NOTICE: Readonly<PrivacyNotice> = {
  title: 'Kişisel Verilerin Korunması Hakkında Aydınlatma Metni',
  version: 1,
  body: `Gençlik ve Spor Bakanlığı olarak; gençlik kulüplerinin tescil, vize ve aktarma işlemleri, sivil toplum kuruluşlarıyla ilişkiler, gençlik merkezlerinde yapılan işbirliği ve istişare toplantıları ile çalıştay ve zirveler kapsamında işlediğimiz kişisel verileriniz hakkında sizi 6698 sayılı Kişisel Verilerin Korunması Kanunu’nun (KVKK) 10 uncu maddesi uyarınca bilgilendiririz.

## 1. Veri sorumlusunun kimliği
Kişisel verileriniz, veri sorumlusu sıfatıyla T.C. Gençlik ve Spor Bakanlığı tarafından; Gençlik Hizmetleri Genel Müdürlüğü Sivil Toplum Kuruluşları ile İlişkiler Dairesi, Gençlik ve Spor İl Müdürlükleri ve gençlik merkezleri eliyle işlenir.

## 2. Kişisel verilerin hangi amaçla işleneceği
- Gençlik kulüplerinin Bakanlık siciline tescili, yıllık vizesi, iller arası nakli ve statü değişikliği işlemlerinin yürütülmesi;
- Kulüplerin yönetim ve denetim kurulu üyeleri, gençlik liderleri ve eğitmenleri için mevzuatta aranan şartların denetlenmesi;
- Sivil toplum kuruluşları, kamu kurumları, belediyeler ve üniversitelerle ilişkilerin yürütülmesi, davet ve yazışmaların yapılması;
- İşbirliği ve istişare toplantıları ile çalıştay ve zirvelerin planlanması, katılımın kayda alınması, tutanak ve kararların izlenmesi;
- Bakanlık faaliyetlerine ilişkin istatistik ve raporların hazırlanması (raporlarda kişi adı yer almaz).

İşlenen veriler: ad soyad, unvan, görev ve kurum bilgisi; telefon ve e-posta; kulüp kurullarında görev alanlar için TC Kimlik No, meslek ve belge numarası. Kulüp kurullarında görev almak dernek üyeliğini gösterdiğinden özel nitelikli kişisel veridir. TC Kimlik No yalnızca kulüp kurulları için istenir, ekranda maskelenir ve her gösterimi kayda alınır; toplantı ve çalıştay katılımcılarından TC Kimlik No alınmaz.

## 3. Kişisel verilerin kimlere ve hangi amaçla aktarılabileceği
Kişisel verileriniz yalnızca yukarıdaki amaçlarla ve Bakanlık teşkilatı içinde aktarılır: kaydınızı tutan gençlik merkezi, bağlı olduğu Gençlik ve Spor İl Müdürlüğü ve Bakanlık merkez teşkilatı arasında, şifrelenmiş ve imzalanmış veri değişim dosyalarıyla. Kanunen yetkili kamu kurum ve kuruluşlarına ve yargı mercilerine ancak kanunda öngörülen hâllerde ve istedikleri ölçüde aktarılabilir. Kişisel verileriniz yurt dışına aktarılmaz.

## 4. Kişisel veri toplamanın yöntemi ve hukuki sebebi
Kişisel verileriniz; kulübünüzün ya da kurumunuzun başvuru dilekçesi ve ekleri, resmî yazılar, katılım (hazirun) listeleri ve toplantılarda verdiğiniz bilgiler yoluyla, elden, yazılı olarak ya da elektronik ortamda toplanır ve Bakanlığın Köprü uygulamasında kaydedilir.

Hukuki sebepler: KVKK m. 5/2-a (kanunlarda açıkça öngörülmesi) ve m. 5/2-ç (veri sorumlusunun hukuki yükümlülüğünü yerine getirebilmesi için zorunlu olması); 1 sayılı Cumhurbaşkanlığı Teşkilatı Hakkında Cumhurbaşkanlığı Kararnamesi’nin 187 nci maddesi ile Bakanlığa verilen görevler. Özel nitelikli kişisel veriler KVKK m. 6/3 uyarınca kanunlarda açıkça öngörülen hâllerde işlenir.

Kişisel verileriniz, Bakanlığın belirlediği saklama süreleri boyunca tutulur; süre sonunda silinir, yok edilir ya da anonim hâle getirilir.

## 5. KVKK’nın 11 inci maddesi uyarınca haklarınız
Bakanlığa başvurarak kendinizle ilgili;
- a) Kişisel verilerinizin işlenip işlenmediğini öğrenme,
- b) Kişisel verileriniz işlenmişse buna ilişkin bilgi talep etme,
- c) Kişisel verilerinizin işlenme amacını ve bunların amacına uygun kullanılıp kullanılmadığını öğrenme,
- ç) Yurt içinde veya yurt dışında kişisel verilerinizin aktarıldığı üçüncü kişileri bilme,
- d) Kişisel verilerinizin eksik veya yanlış işlenmiş olması hâlinde bunların düzeltilmesini isteme,
- e) KVKK’nın 7 nci maddesinde öngörülen şartlar çerçevesinde kişisel verilerinizin silinmesini veya yok edilmesini isteme,
- f) (d) ve (e) bentleri uyarınca yapılan işlemlerin, kişisel verilerinizin aktarıldığı üçüncü kişilere bildirilmesini isteme,
- g) İşlenen verilerin münhasıran otomatik sistemler vasıtasıyla analiz edilmesi suretiyle aleyhinize bir sonucun ortaya çıkmasına itiraz etme,
- ğ) Kişisel verilerinizin kanuna aykırı olarak işlenmesi sebebiyle zarara uğramanız hâlinde zararın giderilmesini talep etme
haklarına sahipsiniz.

## 6. Başvuru yolu
Taleplerinizi, Veri Sorumlusuna Başvuru Usul ve Esasları Hakkında Tebliğ uyarınca; kimliğinizi gösteren bilgilerle ve imzalı bir dilekçeyle Gençlik ve Spor Bakanlığına ya da kaydınızı tutan Gençlik ve Spor İl Müdürlüğüne elden veya posta yoluyla; kayıtlı elektronik posta (KEP) adresi, güvenli elektronik imza ya da mobil imza ile veya daha önce Bakanlığa bildirdiğiniz ve sistemde kayıtlı e-posta adresinizden iletebilirsiniz. Başvurunuz en geç otuz gün içinde ücretsiz olarak sonuçlandırılır (KVKK m. 13). Bakanlığın güncel adres ve iletişim bilgileri www.gsb.gov.tr adresinde yer alır.`,
};

export type NoticeBlock = { kind: 'heading' | 'paragraph' | 'item'; text: string };

/** The body as headings, paragraphs and list items (the screen and the PDF draw the same blocks). */
export function noticeBlocks(body: string): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
    } else if (line.startsWith('## ')) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(3).trim() });
    } else if (line.startsWith('- ')) {
      flush();
      blocks.push({ kind: 'item', text: line.slice(2).trim() });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
