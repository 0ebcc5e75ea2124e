import type { documentsContract } from '../../shared/contract/documents';
import { letterheadsSpec } from '../../db/documents/specs';
import { letterheadRow, readLetterhead } from '../../db/documents/queries';
import { normalisePhone } from '../../shared/identifiers';
import { ready } from './guards';
import type { Handlers } from './types';

// Official documents (issue #18): each unit's letterhead, read for any unit (certificates in the approving
// unit's name) and written only for this installation's own unit.

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export const documentsHandlers: Handlers<keyof typeof documentsContract> = {
  'documents:letterhead': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const unitId = input.unitId ?? identity.unitId;
    return readLetterhead(db, unitId, unitId === identity.unitId ? identity : undefined);
  },

  'documents:saveLetterhead': (input, ctx) => {
    const { db, identity, writer } = ready(ctx);
    const fileCodes = Object.fromEntries(Object.entries(input.fileCodes).filter(([, code]) => code && code.trim()).map(([k, code]) => [k, code!.trim()]));
    const values = {
      institution: input.institution.trim(),
      unit_title: input.unitTitle.trim(),
      detsis_no: blank(input.detsisNo),
      address: blank(input.address),
      phone: input.phone ? normalisePhone(input.phone) : null,
      email: blank(input.email),
      kep: blank(input.kep),
      contact: blank(input.contact),
      signatory_name: blank(input.signatoryName),
      signatory_title: blank(input.signatoryTitle),
      signatory_on_behalf_of: blank(input.signatoryOnBehalfOf),
      file_codes: JSON.stringify(fileCodes),
    };
    db.sqlite.transaction(() => {
      const current = letterheadRow(db, identity.unitId);
      if (current) writer.update(letterheadsSpec, current.id, values);
      else writer.insert(letterheadsSpec, identity.unitId, values);
    })();
    return readLetterhead(db, identity.unitId, identity);
  },
};
