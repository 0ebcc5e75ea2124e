import { describe, expect, it } from 'vitest';
import { parsePastedParticipants } from '../../renderer/features/workshops/paste';

describe('pasting participants from Excel', () => {
  it('reads tab-separated rows, skips a header and blank lines, and accepts province names or plates', () => {
    const text = 'Ad Soyad\tUnvan\tKurum\tİl\r\nAyşe Yılmaz\tBaşkan\tErzurum Gençlik Derneği\tERZURUM\r\n\r\nCan Işık\t\tAğrı Gönüllüleri\t4\r\n';
    const { rows, problems, lineOf } = parsePastedParticipants(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { fullName: 'Ayşe Yılmaz', title: 'Başkan', organisationName: 'Erzurum Gençlik Derneği', provincePlate: '25' },
      { fullName: 'Can Işık', title: null, organisationName: 'Ağrı Gönüllüleri', provincePlate: '04' },
    ]);
    expect(lineOf).toEqual([2, 4]);
  });

  it('names the line of every problem', () => {
    const { problems } = parsePastedParticipants('Ayşe Yılmaz\tBaşkan\tDernek\tErzurum\nAl\tÜye\t\tNarnia\nsadece iki\tsütun');
    expect(problems).toEqual([
      { row: 2, key: 'name' },
      { row: 2, key: 'organisation' },
      { row: 2, key: 'province', text: 'Narnia' },
      { row: 3, key: 'columns', count: 2 },
    ]);
  });
});
