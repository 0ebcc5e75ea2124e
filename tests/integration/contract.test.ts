import { directoryParseable } from './cases/directory';
import { homeParseable, homeReadInputs } from './cases/home';
import { meetingsParseable } from './cases/meetings';
import { privacyParseable, privacyReadInputs } from './cases/privacy';
import { retentionParseable, retentionReadInputs } from './cases/retention';
import { reportsParseable } from './cases/reports';
import { documentsParseable, documentsReadInputs } from './cases/documents';
import { workshopsParseable } from './cases/workshops';
import { usersParseable, usersReadInputs } from './cases/users';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, envelopeSchema, ROLES, userLevelOf, type Channel, type Role } from '../../shared/contract';
import { handlers } from '../../electron/handlers';
import { openApp, setupApp, tempDir, type TestApp } from '../support/app';
import { DEFAULT_REGISTRY_POLICY } from '../../shared/registry/policy';
import { count, createCentre, districtId, expectError, snapshot, unknownId } from './helpers';
import { attachPdf, csvBase64, importRegistered, LETTER, pdfBase64 } from './registryFixture';
import { workshopParticipantsSpec, workshopsSpec } from '../../db/workshops/specs';
import { TEST_ADMIN, TEST_SPECIALIST, TEST_VIEWER } from '../support/users';

// The dispatcher is the one door every transport goes through: unknown channel → input → role → handler →
// output. These tests hold it to the contract for every channel, so a new channel is covered automatically.

/** An input each channel's schema accepts (not necessarily one that succeeds). Every channel needs one. */
/** Support bundles written by the sampled calls go here and are removed after the suite. */
const BUNDLES = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bundles-'));

const PARSEABLE: Partial<Record<Channel, () => unknown>> = {
  ...directoryParseable,
  ...homeParseable,
  ...meetingsParseable,
  ...workshopsParseable,
  ...reportsParseable,
  ...documentsParseable,
  ...privacyParseable,
  ...retentionParseable,
  ...usersParseable,
  'installation:status': () => ({}),
  'backend:status': () => ({}),
  'backend:cancel': () => ({}),
  'backend:takeOpenedFile': () => ({}),
  'backend:reopen': () => ({}),
  'backups:list': () => ({}),
  'backups:create': () => ({}),
  'backups:restore': () => ({ name: 'kopru-manual-20261206-120000-000.sqlite' }),
  'settings:supportBundle': () => ({ path: path.join(BUNDLES, `destek-${Math.random().toString(36).slice(2)}.json`) }),
  'installation:setup': () => ({ role: 'ministry', admin: TEST_ADMIN }),
  'installation:restoreKeys': () => ({}),
  'installation:unlock': () => ({ passphrase: 'Kurtarma-Parolası-1' }),
  'installation:restoreKeyring': () => ({}),
  'installation:keyring': () => ({}),
  'installation:setRecoveryPassphrase': () => ({ passphrase: 'Kurtarma-Parolası-1', confirm: 'Kurtarma-Parolası-1' }),
  'settings:get': () => ({}),
  'settings:setLanguage': () => ({ language: 'tr' }),
  'orgUnits:listProvinces': () => ({}),
  'orgUnits:listDistricts': () => ({ provincePlate: '06' }),
  'orgUnits:searchYouthCentres': () => ({}),
  'orgUnits:youthCentresXlsx': () => ({ status: 'active' }),
  'orgUnits:getYouthCentre': () => ({ id: unknownId() }),
  'orgUnits:createYouthCentre': () => ({ name: 'Deneme Gençlik Merkezi', districtId: '06-cankaya', status: 'active' }),
  'orgUnits:updateYouthCentre': () => ({ id: unknownId(), name: 'Yeni Ad' }),
  'orgUnits:retireYouthCentre': () => ({ id: unknownId() }),
  'registry:search': () => ({}),
  'registry:statusCounts': () => ({}),
  'registry:get': () => ({ id: unknownId() }),
  'registry:checkDuplicates': () => ({ name: 'Deneme Derneği' }),
  'registry:create': () => ({ name: 'Deneme Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId: '06-cankaya' }),
  'registry:update': () => ({ id: unknownId(), memberCount: 3 }),
  'registry:deleteDraft': () => ({ id: unknownId() }),
  'registry:transition': () => ({ id: unknownId(), action: 'logApplication', ...LETTER }),
  'registry:savePerson': () => ({ associationId: unknownId(), kind: 'YONETIM', fullName: 'Ayşe Yılmaz' }),
  'registry:removePerson': () => ({ id: unknownId() }),
  'registry:revealTc': () => ({ personId: unknownId(), purpose: 'Kontrol' }),
  'registry:setDocument': () => ({ associationId: unknownId(), step: 'TESCIL', itemKey: 'petition', received: true }),
  'registry:attachFile': () => ({ associationId: unknownId(), fileName: 'a.pdf', contentBase64: pdfBase64() }),
  'registry:removeAttachment': () => ({ id: unknownId() }),
  'registry:recordStepLetter': () => ({ historyId: unknownId(), letterDate: '2026-01-05', letterNo: '2026/1' }),
  'registry:readAttachment': () => ({ id: unknownId() }),
  'registry:addSnapshot': () => ({ associationId: unknownId(), asOf: '2026-01-02', source: 'DERBİS', legalStatus: 'Faal' }),
  'registry:visaApply': () => ({ associationId: unknownId(), year: 2025, appliedOn: '2025-02-01' }),
  'registry:visaTransition': () => ({ applicationId: unknownId(), action: 'startReview' }),
  'registry:visaDashboard': () => ({}),
  'registry:visaListXlsx': () => ({ visaStatus: 'GECIKMIS' }),
  'registry:startTransfer': () => ({ associationId: unknownId(), toPlate: '35', reason: 'Taşındı' }),
  'registry:transferAction': () => ({ transferId: unknownId(), action: 'senderApprove' }),
  'registry:listTransfers': () => ({}),
  'registry:changeClubType': () => ({ id: unknownId(), clubType: 'GENCLIK_KULUBU', reason: 'Talep üzerine' }),
  'registry:getPolicy': () => ({}),
  'registry:updatePolicy': () => ({ ...DEFAULT_REGISTRY_POLICY }),
  'registry:exportXlsx': () => ({}),
  'registry:document': () => ({ id: unknownId(), kind: 'summary' }),
  'registry:importPreview': () => ({ fileName: 'a.csv', contentBase64: csvBase64([['Dernek adı', 'İlçe'], ['Örnek Derneği', 'Çankaya']]) }),
  'registry:importApply': () => ({ fileName: 'a.csv', contentBase64: csvBase64([['Dernek adı', 'İlçe'], ['Örnek Derneği', 'Çankaya']]) }),
  'registry:listMappings': () => ({}),
  'registry:saveMapping': () => ({ name: 'Eşleştirme', mapping: { name: 'Dernek adı' } }),
  'sync:status': () => ({}),
  'sync:progress': () => ({}),
  'sync:introduce': () => ({ path: '/tmp/kopru-tanitim.json' }),
  'sync:readIntroduction': () => ({ path: '/tmp/kopru-tanitim.json' }),
  'sync:enroll': () => ({ path: '/tmp/kopru-tanitim.json', fingerprint: 'ABCD EF01 2345 6789' }),
  'sync:inspect': () => ({ path: '/tmp/dosya.kopru' }),
  'sync:export': () => ({ peerNode: '0123456789abcdef', path: '/tmp/dosya.kopru' }),
  'sync:import': () => ({ path: '/tmp/dosya.kopru', dryRun: true }),
  'sync:conflicts': () => ({}),
  'sync:resolveConflict': () => ({ id: 1, keep: 'local' }),
  'sync:ledger': () => ({}),
  'sync:revoke': () => ({ peerNode: '0123456789abcdef' }),
  'sync:quarantine': () => ({}),
  'sync:acceptQuarantine': () => ({ id: 1 }),
  'sync:clockBound': () => ({}),
  'sync:setClockBound': () => ({ maxAheadHours: 48 }),
  'sync:custody': () => ({}),
  'sync:setCustodyDays': () => ({ days: 30 }),
};

function parseable(channel: Channel): unknown {
  const factory = PARSEABLE[channel];
  if (!factory) throw new Error(`No parseable input sample for ${channel}: add one to PARSEABLE in contract.test.ts`);
  return factory();
}

/** Channels with a sample; a channel without one fails the "has a parseable sample" test below (once). */
const SAMPLED = CHANNELS.filter((c) => PARSEABLE[c] !== undefined);

interface ReadFixture {
  centreId: string;
  associationId: string;
  attachmentId: string;
  introPath: string;
  exchangePath: string;
  organisationId: string;
  meetingId: string;
  meetingFileId: string;
  workshopId: string;
}

/** Inputs for read channels that succeed on a province installation holding a centre and an association. */
const READ_INPUTS: Partial<Record<Channel, (f: ReadFixture) => unknown>> = {
  ...homeReadInputs,
  ...documentsReadInputs,
  ...privacyReadInputs,
  ...retentionReadInputs,
  ...usersReadInputs,
  'installation:status': () => ({}),
  'installation:keyring': () => ({}),
  'backend:status': () => ({}),
  'backend:cancel': () => ({}),
  'backend:takeOpenedFile': () => ({}),
  'backend:reopen': () => ({}),
  'backups:list': () => ({}),
  'settings:get': () => ({}),
  'orgUnits:listProvinces': () => ({ query: 'ank' }),
  'orgUnits:listDistricts': () => ({ provincePlate: '06' }),
  'orgUnits:searchYouthCentres': () => ({ query: 'gençlik' }),
  'orgUnits:youthCentresXlsx': () => ({ query: 'gençlik' }),
  'orgUnits:getYouthCentre': ({ centreId }) => ({ id: centreId }),
  'registry:search': () => ({ query: 'kulüp' }),
  'registry:statusCounts': () => ({ query: 'kulüp' }),
  'registry:get': ({ associationId }) => ({ id: associationId }),
  'registry:checkDuplicates': () => ({ name: 'Kayıtlı Gençlik Kulübü', vkn: '4540536920', kutukNo: '06-123-456' }),
  'registry:readAttachment': ({ attachmentId }) => ({ id: attachmentId }),
  'registry:visaDashboard': () => ({ year: 2025 }),
  'registry:visaListXlsx': () => ({ year: 2025, visaStatus: 'VIZESIZ_N_YIL' }),
  'registry:listTransfers': () => ({ direction: 'all' }),
  'registry:getPolicy': () => ({}),
  'registry:exportXlsx': () => ({}),
  'registry:document': ({ associationId }) => ({ id: associationId, kind: 'certificate' }),
  'registry:importPreview': () => ({ fileName: 'on-izleme.csv', contentBase64: csvBase64([['Dernek adı', 'İlçe'], ['Önizleme Derneği', 'Mamak']]) }),
  'registry:listMappings': () => ({}),
  'meetings:terms': () => ({}),
  'meetings:planner': () => ({ year: 2026 }),
  'meetings:board': () => ({ year: 2026 }),
  'meetings:plannerXlsx': () => ({ year: 2026 }),
  'meetings:boardXlsx': () => ({ year: 2026 }),
  'meetings:list': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'meetings:venues': () => ({}),
  'meetings:get': ({ meetingId }) => ({ id: meetingId }),
  'workshops:list': () => ({ region: 'İç Anadolu' }),
  'workshops:listXlsx': () => ({ region: 'İç Anadolu' }),
  'workshops:get': ({ workshopId }) => ({ id: workshopId }),
  'workshops:document': ({ workshopId }) => ({ id: workshopId, kind: 'participants' }),
  'reports:figures': () => ({ from: '2026-01-01', to: '2026-12-31', scope: { level: 'province', provincePlate: '06' } }),
  'reports:provinces': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'reports:export': () => ({ from: '2026-01-01', to: '2026-12-31', scope: { level: 'national' }, format: 'pdf' }),
  'reports:published': () => ({}),
  'meetings:checkClash': ({ centreId }) => ({ youthCentreId: centreId, hall: 'konferans salonu', date: '2026-01-15', startTime: '10:30', endTime: '11:00' }),
  'meetings:suggestInvitees': ({ meetingId }) => ({ meetingId }),
  'meetings:openDecisions': () => ({}),
  'meetings:openDecisionsXlsx': () => ({}),
  'meetings:file': ({ meetingFileId }) => ({ id: meetingFileId }),
  'meetings:document': ({ meetingId }) => ({ id: meetingId, kind: 'minutes' }),
  'meetings:addresseesXlsx': ({ meetingId }) => ({ id: meetingId }),
  'meetings:invitationFiles': ({ meetingId }) => ({ id: meetingId }),
  'directory:search': () => ({ query: 'genclik', provincePlate: '06' }),
  'directory:get': ({ organisationId }) => ({ id: organisationId }),
  'directory:checkDuplicates': () => ({ name: 'Okuma Gençlik Derneği', provincePlate: '06', vkn: '4540536920' }),
  'directory:searchContacts': ({ organisationId }) => ({ organisationId }),
  'directory:followUps': () => ({ includeDone: true }),
  'directory:followUpsXlsx': () => ({ includeDone: true }),
  'directory:exportXlsx': () => ({ provincePlate: '06' }),
  'directory:importPreview': () => ({ fileName: 'stk.csv', contentBase64: csvBase64([['Kurum adı', 'İl'], ['Önizleme Derneği', 'Ankara']]) }),
  'sync:status': () => ({}),
  'sync:readIntroduction': ({ introPath }) => ({ path: introPath }),
  'sync:inspect': ({ exchangePath }) => ({ path: exchangePath }),
  'sync:conflicts': () => ({}),
  'sync:ledger': () => ({}),
  'sync:progress': () => ({}),
  'sync:quarantine': () => ({}),
  'sync:clockBound': () => ({}),
  'sync:custody': () => ({}),
};

const ENGLISH_ZOD = /\b(Invalid|invalid input|expected|Expected|received|Required|Too small|Too big|Unrecognized)\b/;

const apps: TestApp[] = [];
afterAll(() => {
  fs.rmSync(BUNDLES, { recursive: true, force: true });
  for (const app of apps) app.close();
});
const track = <T extends TestApp>(app: T): T => {
  apps.push(app);
  return app;
};

describe('every channel', () => {
  it('has a handler, and only contract channels have handlers', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof handlers[channel], channel).toBe('function');
  });

  it('is named module:action and declares access, writes and a summary', () => {
    for (const channel of CHANNELS) {
      const def = contract[channel];
      expect(channel).toMatch(/^[a-z][A-Za-z]*:[a-z][A-Za-z]*$/);
      expect(['none', 'local', 'synced', 'received']).toContain(def.writes);
      expect(def.summary.length).toBeGreaterThan(10);
      if (Array.isArray(def.access)) {
        expect(def.access.length).toBeGreaterThan(0);
        for (const role of def.access) expect(ROLES).toContain(role);
      } else expect(['anyone', 'setup']).toContain(def.access);
    }
  });

  it('has a parseable sample input in this suite (so the role and setup checks below cover it)', () => {
    expect(CHANNELS.filter((c) => !PARSEABLE[c]), 'add these channels to PARSEABLE in contract.test.ts').toEqual([]);
    for (const channel of SAMPLED) {
      const result = contract[channel].input.safeParse(parseable(channel));
      expect(result.success, `${channel}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('every read channel has a succeeding input in this suite', () => {
    const readChannels = CHANNELS.filter((c) => contract[c].writes === 'none');
    expect(readChannels.filter((c) => !READ_INPUTS[c]), 'add these read channels to READ_INPUTS in contract.test.ts').toEqual([]);
  });

  it('read channels answer with output that matches the contract', async () => {
    const app = track(await setupApp('province'));
    const centre = await createCentre(app, { name: 'Kızılay Gençlik Merkezi', districtId: await districtId(app, '06', 'Çankaya') });
    const associationId = await importRegistered(app);
    const introPath = path.join(app.dataDir, 'tanitim.json');
    expect((await app.invoke('sync:introduce', { path: introPath })).ok).toBe(true);
    // A file header addressed to this installation is enough for sync:inspect (it reads only the header).
    const exchangePath = path.join(app.dataDir, 'gelen.kopru');
    const header = { format: 2, sender: '0123456789abcdef', recipient: app.ctx.identity!.nodeId, createdAt: '2026-01-01T00:00:00.000Z', ephemeralKey: Buffer.alloc(32, 1).toString('base64'), iv: Buffer.alloc(12, 1).toString('base64') };
    fs.writeFileSync(exchangePath, Buffer.concat([Buffer.from(`KOPRU-EXCHANGE 1\n${JSON.stringify(header)}\n`), Buffer.alloc(200)]));
    const organisation = await app.ok<{ id: string }>('directory:create', { kind: 'STK', name: 'Okuma Gençlik Derneği', provincePlate: '06' });
    await app.ok('directory:saveContact', { organisationId: organisation.id, fullName: 'Okuma Kişisi' });
    await app.ok('directory:saveInteraction', { organisationId: organisation.id, kind: 'TELEFON', onDate: '2026-01-02', subject: 'Arama', followUp: 'Geri ara', followUpDue: '2026-01-09' });
    const meeting = await app.ok<{ id: string }>('meetings:create', { youthCentreId: centre.id, date: '2026-01-15', startTime: '10:00', endTime: '12:00', hall: 'Konferans Salonu', agenda: ['Açılış'] });
    // Someone invited, so the mail merge (meetings:invitationFiles) has a letter to write.
    await app.ok('meetings:saveParticipants', { meetingId: meeting.id, participants: [{ kind: 'STK', fullName: 'Okuma Temsilcisi', organisationId: organisation.id, invited: true }] });
    await app.ok('meetings:transition', { id: meeting.id, action: 'hold' });
    await app.ok('meetings:saveDecision', { meetingId: meeting.id, text: 'Okuma kararı.', dueOn: '2026-02-01' });
    const withFile = await app.ok<{ files: { id: string }[] }>('meetings:attachFile', { meetingId: meeting.id, kind: 'HAZIRUN', fileName: 'hazirun.pdf', contentBase64: pdfBase64() });
    // A workshop as it arrives from the ministry (provinces read workshops, only the ministry writes them).
    const workshopId = app.ctx.db!.sqlite.transaction(() => {
      const w = app.ctx.writer!.insert(workshopsSpec, 'ministry', { kind: 'BOLGE_CALISTAYI', title: 'İç Anadolu Bölge Çalıştayı', region: 'İç Anadolu', host_plate: '06', start_on: '2026-03-10', end_on: '2026-03-11', programme: '[]' });
      app.ctx.writer!.insert(workshopParticipantsSpec, 'ministry', { workshop_id: w.id, full_name: 'Okuma Katılımcısı', organisation_name: 'Okuma Derneği', province_plate: '06' });
      return String(w.id);
    })();
    const fixture: ReadFixture = {
      workshopId,
      centreId: centre.id, associationId, attachmentId: await attachPdf(app, associationId), introPath, exchangePath, organisationId: organisation.id,
      meetingId: meeting.id, meetingFileId: withFile.files[0]!.id,
    };
    // This installation is a province: channels only the ministry may read are asked at a ministry below.
    const ministryOnly = (c: Channel) => Array.isArray(contract[c].access) && !contract[c].access.includes('province');
    const readChannels = CHANNELS.filter((c) => contract[c].writes === 'none' && READ_INPUTS[c]);
    expect(readChannels.length).toBeGreaterThan(0);
    const ministry = track(await setupApp('ministry'));
    for (const channel of readChannels) {
      const factory = READ_INPUTS[channel]!;
      const envelope = await (ministryOnly(channel) ? ministry : app).invoke(channel, factory(fixture));
      expect(envelope.ok, `${channel}: ${JSON.stringify(envelope)}`).toBe(true);
      if (envelope.ok) expect(contract[channel].output.safeParse(envelope.value).success, channel).toBe(true);
    }
  });
});

describe('unknown channels', () => {
  it.each(['nope', '', 'orgUnits:dropAll', 'orgunits:listprovinces', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '%j → UNKNOWN_CHANNEL',
    async (name) => {
      const app = track(openApp());
      const error = expectError(await app.invoke(name, {}), 'UNKNOWN_CHANNEL');
      expect(error.message).toMatch(/Bilinmeyen işlem/);
    },
  );

  it('does not echo an arbitrarily long channel name back', async () => {
    const app = track(openApp());
    const error = expectError(await app.invoke('x'.repeat(10_000), {}), 'UNKNOWN_CHANNEL');
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('input validation', () => {
  let app: TestApp;
  let cankaya: string;
  beforeAll(async () => {
    app = track(await setupApp('province'));
    cankaya = await districtId(app, '06', 'Çankaya');
  });

  it('reports each bad field with its path, Turkish label and Turkish message, and writes nothing', async () => {
    const before = snapshot(app);
    const centresBefore = count(app, 'youth_centres');
    const logBefore = count(app, 'change_log');
    const error = expectError(
      await app.invoke('orgUnits:createYouthCentre', {
        districtId: cankaya,
        status: 'open',
        hallCapacity: -5,
        phone: '123',
        email: 'not-an-email',
      }),
      'VALIDATION',
    );
    const byPath = Object.fromEntries((error.issues ?? []).map((i) => [i.path, i]));
    expect(byPath.name).toMatchObject({ label: 'Ad' });
    expect(byPath.status).toMatchObject({ label: 'Durum' });
    expect(byPath.hallCapacity).toMatchObject({ label: 'Toplantı salonu kapasitesi' });
    expect(byPath.phone).toMatchObject({ label: 'Telefon' });
    expect(byPath.email).toMatchObject({ label: 'E-posta' });
    expect(byPath.districtId).toBeUndefined();
    for (const issue of error.issues ?? []) expect(issue.message).not.toMatch(ENGLISH_ZOD);
    // The summary names the fields by their labels so a clerk knows what to fix.
    for (const label of ['Ad', 'Telefon', 'E-posta', 'Toplantı salonu kapasitesi']) expect(error.message).toContain(label);
    expect(count(app, 'youth_centres')).toBe(centresBefore);
    expect(count(app, 'change_log')).toBe(logBefore);
    expect(snapshot(app)).toEqual(before);
  });

  it('names the field in Turkish for a missing required value', async () => {
    const error = expectError(await app.invoke('orgUnits:createYouthCentre', { name: 'Ada', status: 'active' }), 'VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'districtId', label: 'İlçe' })]);
    expect(error.issues![0]!.message).not.toMatch(ENGLISH_ZOD);
  });

  it('refuses unknown fields (strict inputs) with a Turkish message naming them', async () => {
    const logBefore = count(app, 'change_log');
    const error = expectError(
      await app.invoke('orgUnits:createYouthCentre', { name: 'Ada Gençlik', districtId: cankaya, status: 'active', owner_unit: 'ministry' }),
      'VALIDATION',
    );
    expect(error.message).toContain('owner_unit');
    expect(error.message).toMatch(/Bilinmeyen alan/);
    expect(count(app, 'change_log')).toBe(logBefore);
  });

  it('labels the optional fields of an edit too (Telefon, E-posta, Adres, kapasite)', async () => {
    const centre = await createCentre(app, { name: 'Etiket Gençlik Merkezi', districtId: cankaya });
    const logBefore = count(app, 'change_log');
    const error = expectError(
      await app.invoke('orgUnits:updateYouthCentre', {
        id: centre.id,
        phone: '123',
        email: 'x',
        hallCapacity: 1.5,
        address: 'a'.repeat(301),
      }),
      'VALIDATION',
    );
    const labels = Object.fromEntries((error.issues ?? []).map((i) => [i.path, i.label]));
    expect(labels).toEqual({
      phone: 'Telefon',
      email: 'E-posta',
      hallCapacity: 'Toplantı salonu kapasitesi',
      address: 'Adres',
    });
    expect(count(app, 'change_log')).toBe(logBefore);
  });

  it('labels setup fields (İl) and rejects a plate outside 01–81', async () => {
    const fresh = track(openApp());
    const error = expectError(await fresh.invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '82' }), 'VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'provincePlate', label: 'İl' })]);
    expect(count(fresh, 'installation')).toBe(0);
  });

  it('never crashes and never answers INTERNAL, whatever is sent to any channel', async () => {
    const before = snapshot(app);
    const junk = fc.oneof(
      fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
      fc.record({ id: fc.string(), name: fc.anything(), districtId: fc.anything(), status: fc.anything(), query: fc.anything() }, { requiredKeys: [] }),
    );
    for (const channel of CHANNELS.filter((c) => contract[c].writes !== 'local')) {
      await fc.assert(
        fc.asyncProperty(junk, async (input) => {
          const envelope = await app.invoke(channel, input);
          expect(envelopeSchema.safeParse(envelope).success).toBe(true);
          if (!envelope.ok) {
            expect(envelope.error.code, `${channel} ${envelope.error.message}`).not.toBe('INTERNAL');
            for (const issue of envelope.error.issues ?? []) expect(issue.message).not.toMatch(ENGLISH_ZOD);
          }
        }),
        { numRuns: 60 },
      );
    }
    // Junk never got through: no synced row or change was written.
    expect(snapshot(app).change_log).toEqual(before.change_log);
    expect(snapshot(app).youth_centres).toEqual(before.youth_centres);
  });

  it('survives prototype-pollution shaped input without polluting anything', async () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    for (const channel of CHANNELS) {
      const envelope = await app.invoke(channel, input);
      expect(envelopeSchema.safeParse(envelope).success).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('roles', () => {
  const byRole = new Map<Role, TestApp>();
  beforeAll(async () => {
    for (const role of ROLES) byRole.set(role, track(await setupApp(role)));
  });

  it('a ministry or youth-centre installation cannot create a youth centre (FORBIDDEN, nothing written)', async () => {
    for (const role of ['ministry', 'youth-center'] as const) {
      const app = byRole.get(role)!;
      const before = snapshot(app);
      const error = expectError(
        await app.invoke('orgUnits:createYouthCentre', { name: 'Yetkisiz Gençlik Merkezi', districtId: '06-cankaya', status: 'active' }),
        'FORBIDDEN',
      );
      expect(error.message).toMatch(/yetki/i);
      expect(snapshot(app)).toEqual(before);
    }
  });

  it('every role-restricted channel refuses exactly the roles it does not list', async () => {
    for (const channel of SAMPLED) {
      const access = contract[channel].access;
      for (const role of ROLES) {
        const app = byRole.get(role)!;
        const before = snapshot(app);
        const envelope = await app.invoke(channel, parseable(channel));
        const allowed = !Array.isArray(access) || access.includes(role);
        if (allowed) {
          if (!envelope.ok) expect(envelope.error.code, `${role} → ${channel}`).not.toBe('FORBIDDEN');
        } else {
          expectError(envelope, 'FORBIDDEN');
          expect(snapshot(app), `${role} → ${channel} wrote something`).toEqual(before);
        }
      }
    }
  });
});

describe('installation lifecycle', () => {
  it('before setup: setup channels answer, every other channel says NOT_INITIALISED and writes nothing', async () => {
    const app = track(openApp());
    const status = await app.ok<{ state: string }>('installation:status');
    expect(status.state).toBe('setup-required');
    for (const channel of SAMPLED) {
      if (channel === 'installation:setup' || contract[channel].writes === 'local') continue;
      const before = snapshot(app);
      const envelope = await app.invoke(channel, parseable(channel));
      if (contract[channel].access === 'setup') {
        expect(envelope.ok, `${channel}: ${JSON.stringify(envelope)}`).toBe(true);
      } else {
        expectError(envelope, 'NOT_INITIALISED');
        expect(snapshot(app)).toEqual(before);
      }
    }
  });

  it('setup runs once: a second setup is ALREADY_INITIALISED and the identity does not change', async () => {
    const app = track(await setupApp('province', { plate: '35' }));
    const first = await app.ok<{ identity: { nodeId: string; unitId: string; publicKey: string } }>('installation:status');
    for (const input of [{ role: 'province', provincePlate: '35' }, { role: 'ministry' }, { role: 'province', provincePlate: '06' }].map((i) => ({ ...i, admin: TEST_ADMIN }))) {
      expectError(await app.invoke('installation:setup', input), 'ALREADY_INITIALISED');
    }
    const second = await app.ok<{ identity: unknown }>('installation:status');
    expect(second.identity).toEqual(first.identity);
    // And after a restart, too.
    app.close();
    const reopened = track(openApp(app.dataDir));
    expectError(await reopened.invoke('installation:setup', { admin: TEST_ADMIN, role: 'ministry' }), 'ALREADY_INITIALISED');
    expect((await reopened.ok<{ identity: unknown }>('installation:status')).identity).toEqual(first.identity);
  });

  it('refuses a second setup when the key file exists even though the database has no identity', async () => {
    const dir = tempDir();
    const app = track(await setupApp('ministry', { dataDir: dir }));
    app.close();
    fs.rmSync(path.join(dir, 'kopru.sqlite'));
    const reopened = track(openApp(dir));
    expectError(await reopened.invoke('installation:setup', { admin: TEST_ADMIN, role: 'ministry' }), 'ALREADY_INITIALISED');
    expect(count(reopened, 'installation')).toBe(0);
  });

  it('with an unreadable database: status says db-error and data channels say DB_UNAVAILABLE', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'kopru.sqlite'), 'this is not a database'.repeat(100));
    const app = track(openApp(dir));
    const status = await app.ok<{ state: string; dbError: { kind: string } }>('installation:status');
    expect(status.state).toBe('db-error');
    for (const channel of SAMPLED) {
      const envelope = await app.invoke(channel, parseable(channel));
      expect(envelopeSchema.safeParse(envelope).success).toBe(true);
      // A support bundle is most useful exactly then: it is written whatever state the database is in.
      if (['installation:status', 'settings:get', 'backend:status', 'backend:reopen', 'backups:list', 'settings:supportBundle'].includes(channel)) expect(envelope.ok, channel).toBe(true);
      // Restoring a backup is the way out of a damaged database: it answers, here that no such backup exists.
      else if (channel === 'backups:restore') expectError(envelope, 'NOT_FOUND');
      else expectError(envelope, 'DB_UNAVAILABLE');
    }
  });
});

describe('users (issue #16): every channel checks the user as it checks the unit', () => {
  /** A province whose administrator created a specialist and a viewer; nobody signs in behind the test's back. */
  async function office(): Promise<TestApp> {
    const app = track(openApp(tempDir(), undefined, { signIn: false }));
    await app.ok('installation:setup', { role: 'province', provincePlate: '06', admin: TEST_ADMIN });
    await app.ok('users:create', { account: TEST_SPECIALIST, role: 'specialist' });
    await app.ok('users:create', { account: TEST_VIEWER, role: 'viewer' });
    return app;
  }
  const needsUser = (channel: Channel) => userLevelOf(contract[channel]) !== 'none';
  const unitAllows = (channel: Channel) => { const access = contract[channel].access; return !Array.isArray(access) || access.includes('province'); };

  it('signed out (or locked): every channel that needs a user answers SIGNED_OUT and writes nothing', async () => {
    const app = await office();
    await app.ok('users:lock', { reason: 'manual' });
    const before = snapshot(app);
    for (const channel of SAMPLED.filter((c) => needsUser(c) && unitAllows(c))) {
      expectError(await app.invoke(channel, parseable(channel)), 'SIGNED_OUT');
    }
    expect(snapshot(app)).toEqual(before);
  });

  it.each([
    ['viewer', TEST_VIEWER, ['specialist', 'admin']],
    ['specialist', TEST_SPECIALIST, ['admin']],
  ] as const)('a %s is refused (FORBIDDEN, nothing written) every channel above their role, and only those', async (_role, account, above) => {
    const app = await office();
    await app.ok('users:signOut');
    await app.ok('users:signIn', { username: account.username, password: account.password });
    for (const channel of SAMPLED.filter((c) => needsUser(c) && unitAllows(c) && !['users:lock', 'users:signOut'].includes(c))) {
      const before = snapshot(app);
      const envelope = await app.invoke(channel, parseable(channel));
      if ((above as readonly string[]).includes(userLevelOf(contract[channel]))) {
        expectError(envelope, 'FORBIDDEN');
        expect(snapshot(app), channel).toEqual(before);
      } else if (!envelope.ok) {
        expect(envelope.error.code, `${channel}: ${envelope.error.message}`).not.toMatch(/FORBIDDEN|SIGNED_OUT/);
      }
    }
  });
});
