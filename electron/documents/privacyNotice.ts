import { noticeBlocks, type PrivacyNotice } from '../../shared/privacy/notice';
import { formatDateTr } from '../../shared/turkish';
import { documentHeader, issuedBy, render, type Issuer } from './layout';

// The privacy notice as handed to a data subject: the ministry's text (headings, paragraphs, lettered list
// items), its version, and a receipt to sign ("bilgilendirildim" — information, not consent).

export function privacyNoticePdf(notice: PrivacyNotice & { updatedAt: string | null }, issuer: Issuer): Promise<Buffer> {
  return render(notice.title, (doc) => {
    documentHeader(doc, issuer, notice.title.toLocaleUpperCase('tr-TR'));
    const left = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.fontSize(9).fillColor('#555');
    doc.text(notice.updatedAt ? `Sürüm ${notice.version} · ${formatDateTr(notice.updatedAt)}` : `Sürüm ${notice.version}`, { align: 'right' });
    doc.fillColor('black').fontSize(10.5);
    doc.moveDown(0.6);
    const blocks = noticeBlocks(notice.body);
    blocks.forEach((block, i) => {
      if (block.kind === 'heading') {
        doc.moveDown(0.4);
        doc.font('bold').fontSize(11).text(block.text, left, doc.y, { width });
        doc.font('body').fontSize(10.5);
        doc.moveDown(0.25);
      } else if (block.kind === 'item') {
        // A hanging indent: the marker (a lettered item's own `a)`, else a bullet) left of the text's column.
        const lettered = /^([a-zçğıöşü]\))\s+(.*)$/i.exec(block.text);
        const [marker, text] = lettered ? [lettered[1]!, lettered[2]!] : ['•', block.text];
        const y = doc.y;
        doc.text(marker, left + 10, y, { width: 20, lineBreak: false });
        doc.text(text, left + 30, y, { width: width - 30, align: 'left' });
        doc.moveDown(blocks[i + 1]?.kind === 'item' ? 0.15 : 0.5);
      } else {
        doc.text(block.text, left, doc.y, { width, align: 'justify' });
        doc.moveDown(0.5);
      }
    });

    // The receipt: kept together on one page.
    if (doc.y + 120 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.moveDown(1.2);
    doc.font('bold').fontSize(11).text('Bilgilendirme', left, doc.y, { width });
    doc.font('body').fontSize(10.5).moveDown(0.3);
    doc.text('Yukarıdaki aydınlatma metnini okudum; kişisel verilerimin işlenmesi hakkında bilgilendirildim.', left, doc.y, { width });
    doc.moveDown(1.2);
    const y = doc.y;
    const third = width / 3;
    for (const [i, label] of ['Ad soyad', 'Tarih', 'İmza'].entries()) {
      const x = left + i * third;
      doc.moveTo(x, y + 22).lineTo(x + third - 16, y + 22).lineWidth(0.5).strokeColor('#777').stroke();
      doc.fontSize(9).fillColor('#555').text(label, x, y + 26, { width: third - 16 });
    }
    doc.fillColor('black').fontSize(11);
    doc.x = left;
    doc.y = y + 40;
  }, { footer: issuedBy(issuer) });
}
