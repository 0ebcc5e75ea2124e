import type { WorkshopDetail } from '../../shared/contract/workshops';
import { WORKSHOP_KIND_LABELS } from '../../shared/meetings/fields';
import { formatDateTr } from '../../shared/turkish';
import { badgesPdf } from './labels';
import { documentHeader, field, heading, issuedBy, render, table, type Issuer } from './layout';

// Printable workshop documents: the programme (handed out at the door), the participant list by province, and
// name badges on the meetings' card layout.

function dates(w: WorkshopDetail): string {
  return w.startOn === w.endOn ? formatDateTr(w.startOn) : `${formatDateTr(w.startOn)} – ${formatDateTr(w.endOn)}`;
}

export function workshopProgramme(w: WorkshopDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Program — ${w.title}`, (doc) => {
    documentHeader(doc, issuer, w.title.toLocaleUpperCase('tr-TR'));
    field(doc, 'Tür', WORKSHOP_KIND_LABELS[w.kind]);
    if (w.region) field(doc, 'Bölge', `${w.region} Bölgesi`);
    field(doc, 'Tarih', dates(w));
    field(doc, 'Yer', w.venue);
    field(doc, 'Ev sahibi il', w.hostName);
    heading(doc, 'Program');
    if (w.programme.length === 0) doc.text('Program henüz girilmedi.');
    else table(doc, [{ header: 'Saat', width: 1 }, { header: 'Oturum / etkinlik', width: 5 }], w.programme.map((p) => [p.time, p.title]), { fontSize: 10.5 });
  }, { footer: issuedBy(issuer) });
}

export function workshopParticipantList(w: WorkshopDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Katılımcı listesi — ${w.title}`, (doc) => {
    documentHeader(doc, issuer, 'KATILIMCI LİSTESİ');
    field(doc, 'Etkinlik', w.title);
    field(doc, 'Tarih', dates(w));
    field(doc, 'Yer', w.venue);
    field(doc, 'Katılımcı / kurum / il', `${w.participants} kişi, ${w.organisations} kurum, ${w.provinces} il`);
    doc.moveDown();
    if (w.participantList.length === 0) {
      doc.text('Henüz katılımcı eklenmedi.');
    } else {
      // Already in province order (Turkish), people alphabetically within each province.
      table(
        doc,
        [{ header: 'Sıra', width: 0.6, align: 'right' }, { header: 'İl', width: 1.6 }, { header: 'Ad soyad', width: 2.6 }, { header: 'Unvan', width: 2 }, { header: 'Kurum', width: 3.4 }],
        w.participantList.map((p, i) => [i + 1, p.provinceName, p.fullName, p.title, p.organisationName]),
      );
    }
  }, { footer: issuedBy(issuer) });
}

/**
 * Name badges for the participants, in the list's order (by province, then name), on the meetings' sheet of ten.
 * The organisation line names the province too: a workshop or summit brings CSOs from several provinces.
 */
export function workshopBadges(w: WorkshopDetail): Promise<Buffer> {
  const where = (p: WorkshopDetail['participantList'][number]) => (p.organisationName ? `${p.organisationName} (${p.provinceName})` : p.provinceName);
  return badgesPdf(
    `Yaka kartları — ${w.title}`,
    `${w.title} · ${dates(w)}`,
    w.participantList.map((p) => ({ name: p.fullName, title: p.title, organisation: where(p) })),
  );
}
