import fs from 'node:fs';
import path from 'node:path';
import { AppError, msg, type Msg } from '../../shared/contract';
import type { Identity } from '../../shared/contract/installation';
import type { LostFileReport, PersonReport, privacyContract } from '../../shared/contract/privacy';
import { isValidTcKimlikNo, maskTcKimlikNo } from '../../shared/identifiers';
import { addDays, ANSWER_DAYS, looksLikeTcKimlikNo } from '../../shared/privacy/personReport';
import { formatDateTr } from '../../shared/turkish';
import { findPeople, ledgerIdOf, ledgerRow, lostFileCandidates, lostFileReport, personRecords, type ReportIdentity } from '../../db/privacy/personReport';
import type { AppContext } from '../app/context';
import { lostFileReportPdf, personReportPdf } from '../documents/personReport';
import { issuerOf } from '../documents/issuer';
import { safeFileName } from '../registry/files';
import { fileSha256 } from '../sync/exchangeFile';
import { ready } from './guards';
import type { Handlers } from './types';

// The data subject's report and the lost-file report (issue #16), part of the privacy module's handlers
// (privacy.ts spreads them in). They only read: correction and erasure stay in the records' own write paths.
// Roles: any installation and, until users and roles exist, anyone at it.

type ReportChannel =
  | 'privacy:findPerson' | 'privacy:personReport' | 'privacy:personReportPdf' | 'privacy:lostFileCandidates' | 'privacy:lostFileReport' | 'privacy:lostFileReportPdf';

const reportIdentity = (identity: Identity): ReportIdentity => ({
  nodeId: identity.nodeId, role: identity.role, unitName: identity.unitName, provincePlate: identity.provincePlate ?? null,
});

function refusal(code: 'VALIDATION' | 'NOT_FOUND', field: string, label: string, message: Msg): AppError {
  return AppError.field(field, label, message, code);
}

interface PersonQuery {
  fullName?: string | undefined;
  tcKimlikNo?: string | undefined;
  requestedOn?: string | undefined;
}

/** The person report: by TC number (its keyed hash, as the registry stores it) or by name. Reads only. */
function personReport(input: PersonQuery, ctx: AppContext): PersonReport {
  const { db, identity } = ready(ctx);
  if (!input.fullName && !input.tcKimlikNo) throw refusal('VALIDATION', 'fullName', 'Ad soyad', msg('privacy.adSoyadYaDa'));
  const by = input.tcKimlikNo ? { tcHash: ctx.hmac(input.tcKimlikNo) } : { fullName: input.fullName! };
  const records = personRecords(db, reportIdentity(identity), by);
  return {
    query: { fullName: input.fullName ?? null, tcMasked: input.tcKimlikNo ? maskTcKimlikNo(input.tcKimlikNo) : null },
    found: records.length > 0,
    generatedAt: new Date(ctx.now()).toISOString(),
    installation: { unitName: identity.unitName, nodeId: identity.nodeId, role: identity.role },
    requestedOn: input.requestedOn ?? null,
    dueOn: input.requestedOn ? addDays(input.requestedOn, ANSWER_DAYS) : null,
    records,
  };
}

/** The ledger entry a lost-file report is about: chosen from the ledger, or the file (a copy) at a path. */
async function lostFileId(input: { ledgerId?: number | undefined; path?: string | undefined }, ctx: AppContext): Promise<number> {
  const { db } = ready(ctx);
  if (input.ledgerId !== undefined) {
    if (!ledgerRow(db, input.ledgerId)) throw refusal('NOT_FOUND', 'ledgerId', 'Değişim defteri kaydı', msg('privacy.defterdeLedgeridNumaraliBir', { ledgerId: String(input.ledgerId) }));
    return input.ledgerId;
  }
  if (!input.path) throw refusal('VALIDATION', 'ledgerId', 'Değişim defteri kaydı', msg('privacy.defterdenBirDosyaSecin'));
  let sha: string | null = null;
  try {
    if (fs.statSync(input.path).isFile()) sha = await fileSha256(input.path);
  } catch {
    // The file itself is gone (it is the lost one): it is looked up by its name.
  }
  const id = ledgerIdOf(db, sha, path.basename(input.path));
  if (id === 'ambiguous') throw refusal('VALIDATION', 'path', 'Dosya', msg('privacy.defterdeBuAdlaBirden'));
  if (id === null) throw refusal('NOT_FOUND', 'path', 'Dosya', msg('privacy.buDosyaValueBu', { value: path.basename(input.path) }));
  return id;
}

async function lostFile(input: { ledgerId?: number | undefined; path?: string | undefined }, ctx: AppContext): Promise<LostFileReport> {
  const id = await lostFileId(input, ctx);
  const { db, identity } = ready(ctx);
  const report = lostFileReport(db, reportIdentity(identity), id)!;
  return { ...report, generatedAt: new Date(ctx.now()).toISOString(), installation: { unitName: identity.unitName, nodeId: identity.nodeId, role: identity.role } };
}

export const privacyReportHandlers: Handlers<ReportChannel & keyof typeof privacyContract> = {
  'privacy:findPerson': (input, ctx) => {
    const { db } = ready(ctx);
    if (!looksLikeTcKimlikNo(input.query)) return findPeople(db, input.query, null);
    const tc = input.query.replace(/\s+/g, '');
    if (!isValidTcKimlikNo(tc)) throw refusal('VALIDATION', 'query', 'Aranan kişi', msg('privacy.tcKimlikNoGecersiz'));
    return findPeople(db, input.query, ctx.hmac(tc));
  },

  'privacy:personReport': (input, ctx) => personReport(input, ctx),

  'privacy:personReportPdf': async (input, ctx) => {
    const report = personReport(input, ctx);
    const pdf = await personReportPdf(report, issuerOf(ready(ctx).db, ready(ctx).identity, ctx.today()));
    // The file name carries no name or number of the person (DOMAIN.md §9): only the date.
    return { fileName: `Kişi raporu ${formatDateTr(ctx.today())}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
  },

  'privacy:lostFileCandidates': (_input, ctx) => {
    const { db, identity } = ready(ctx);
    return { files: lostFileCandidates(db, reportIdentity(identity)) };
  },

  'privacy:lostFileReport': (input, ctx) => lostFile(input, ctx),

  'privacy:lostFileReportPdf': async (input, ctx) => {
    const report = await lostFile(input, ctx);
    const pdf = await lostFileReportPdf(report, issuerOf(ready(ctx).db, ready(ctx).identity, ctx.today()));
    const base = report.file.fileName.replace(/\.kopru$/i, '');
    return { fileName: `${safeFileName(`Kayıp dosya raporu - ${base}`)}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
  },
};
