import type { OpenDatabase } from '../../db/open';
import { readLetterhead } from '../../db/documents/queries';
import type { Identity } from '../../shared/contract/installation';
import type { LetterheadView } from '../../shared/contract/documents';
import { headerLines } from '../../shared/documents/letter';
import { toLetterhead } from '../../shared/documents/letterhead';
import type { Issuer } from './layout';

/** This installation as the issuer of a document: its letterhead's lines, its name, today. */
export function issuerOf(db: OpenDatabase, identity: Identity, today: string): Issuer & { letterhead: LetterheadView } {
  const letterhead = readLetterhead(db, identity.unitId, identity);
  return { unitName: identity.unitName, today, header: headerLines(toLetterhead(letterhead)), letterhead };
}
