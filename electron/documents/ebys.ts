import type { OpenDatabase } from '../../db/open';
import { readLetterhead } from '../../db/documents/queries';
import { msg, type IssueInput } from '../../shared/contract';
import { checkEbysNumber, parseEbysNumber, type EbysProblem } from '../../shared/documents/ebys';

// The EBYS sayı of a letter this unit signed, recorded on the step it belongs to (issue #18): once the unit's
// letterhead has its DETSİS number, the sayı must have EBYS's form and carry that number. Before that, numbers
// are taken as typed (offices that have not entered their DETSİS number yet, and older records).

const KEYS: Record<Exclude<EbysProblem, 'otherUnit'>, Parameters<typeof msg>[0]> = {
  empty: 'documents.ebysEmpty',
  shape: 'documents.ebysShape',
  detsis: 'documents.ebysDetsis',
  fileCode: 'documents.ebysFileCode',
  recordNo: 'documents.ebysRecordNo',
};

/** Why `letterNo`, recorded for a letter `unit` signed, is not that unit's EBYS sayı; null when it is (or cannot be told). */
export function ownLetterNumberIssue(
  db: OpenDatabase,
  unit: { unitId: string; unitName: string },
  letterNo: string | null | undefined,
  path = 'letterNo',
  label = 'Evrak sayısı',
): IssueInput | null {
  if (!letterNo || !letterNo.trim()) return null;
  const letterhead = readLetterhead(db, unit.unitId);
  if (!letterhead.detsisNo) return null;
  const checked = checkEbysNumber(letterNo, letterhead.detsisNo);
  if (checked.ok) return null;
  if (checked.problem === 'otherUnit') {
    const parsed = parseEbysNumber(letterNo);
    const detsis = parsed.ok ? parsed.value.detsisNo : '';
    return { path, label, message: msg('documents.ebysOtherUnit', { detsis, unit: unit.unitName, expected: letterhead.detsisNo }) };
  }
  return { path, label, message: msg(KEYS[checked.problem]) };
}
