import type { MeetingDetail } from '../../../shared/contract/meetings';
import type { YouthCentre } from '../../../shared/contract/orgUnits';
import type { TestApp } from '../../support/app';
import { unknownId } from '../helpers';
import { pdfBase64 } from '../registryFixture';
import { pdfText } from '../../documents/pdfText';
import type { ParseableSamples, SyncedCases } from './types';

// Meetings cases for the contract-wide suites: a province installation plans meetings at a centre it creates.

let counter = 0;

async function centreOf(app: TestApp): Promise<string> {
  counter += 1;
  const centre = await app.ok<YouthCentre>('orgUnits:createYouthCentre', { name: `Toplantı ${counter} Gençlik Merkezi`, districtId: '06-cankaya', status: 'active' });
  return centre.id;
}

/** A planned meeting on a past date (so it can be held), with two agenda items and one invitee. */
async function planned(app: TestApp, extra: Record<string, unknown> = {}): Promise<MeetingDetail> {
  const meeting = await app.ok<MeetingDetail>('meetings:create', {
    youthCentreId: await centreOf(app), date: '2026-03-10', startTime: '14:00', endTime: '16:00', hall: 'Konferans Salonu',
    chair: 'Ayşe Yılmaz', rapporteur: 'Mehmet Şahin', agenda: ['Açılış ve önceki kararlar', 'Gönüllülük projeleri'], ...extra,
  });
  return app.ok<MeetingDetail>('meetings:saveParticipants', {
    meetingId: meeting.id, participants: [{ kind: 'STK', fullName: 'Zeynep Çelik', organisationName: 'Işık Gençlik Derneği', invited: true }],
  });
}

async function held(app: TestApp): Promise<MeetingDetail> {
  const meeting = await planned(app);
  return app.ok<MeetingDetail>('meetings:transition', { id: meeting.id, action: 'hold' });
}

export const meetingsSyncedCases: SyncedCases = {
  'meetings:setTerms': {
    role: 'ministry',
    input: async () => ({ terms: [{ no: 1, fromMonth: 1, toMonth: 6 }, { no: 2, fromMonth: 7, toMonth: 12 }] }),
  },
  'meetings:create': {
    input: async (app) => ({
      youthCentreId: await centreOf(app), date: '2026-12-10', startTime: '10:00', endTime: '12:00', hall: 'Çok Amaçlı Salon',
      chair: 'Ayşe Yılmaz', agenda: ['Açılış', 'Gençlik çalışmaları'],
    }),
  },
  'meetings:update': {
    input: async (app) => {
      const m = await planned(app);
      return { id: m.id, date: '2026-06-02', hall: 'Kütüphane', agenda: ['Açılış ve önceki kararlar', 'Yeni gündem'] };
    },
  },
  'meetings:transition': {
    input: async (app) => ({ id: (await planned(app)).id, action: 'invite', letterDate: '2026-03-01', letterNo: 'E-2026-001' }),
  },
  'meetings:saveParticipants': {
    input: async (app) => {
      const m = await held(app);
      return {
        meetingId: m.id,
        participants: [
          { id: m.participants[0]!.id, kind: 'STK', fullName: 'Zeynep Çelik', organisationName: 'Işık Gençlik Derneği', invited: true, attended: true },
          { kind: 'GENC', fullName: 'Ömer Güneş', walkIn: true },
        ],
      };
    },
  },
  'meetings:setAttendance': {
    input: async (app) => {
      const m = await held(app);
      return { meetingId: m.id, attended: [{ participantId: m.participants[0]!.id, attended: true }] };
    },
  },
  'meetings:attendanceFromSheet': {
    input: async (app) => {
      const m = await held(app);
      const out = await app.ok<{ contentBase64: string }>('meetings:document', { id: m.id, kind: 'attendanceSheet' });
      const code = /Liste kodu: ([0-9A-Z]{6}-[0-9A-Z]{5})/.exec(pdfText(Buffer.from(out.contentBase64, 'base64')).replace(/\s+/g, ' '))![1]!;
      return { meetingId: m.id, code, rows: '1' };
    },
  },
  'meetings:removeParticipant': { input: async (app) => ({ id: (await planned(app)).participants[0]!.id }) },
  'meetings:saveMinutes': {
    input: async (app) => {
      const m = await held(app);
      return { meetingId: m.id, minutes: 'Toplantı saygı duruşuyla açıldı.', items: [{ id: m.agenda[0]!.id, minutes: 'Önceki kararlar gözden geçirildi.' }] };
    },
  },
  'meetings:saveRequest': {
    input: async (app) => ({ meetingId: (await held(app)).id, category: 'MEKAN_KULLANIMI', text: 'Hafta sonu salon kullanımı talep edildi.' }),
  },
  'meetings:removeRequest': {
    input: async (app) => {
      const m = await held(app);
      const withRequest = await app.ok<MeetingDetail>('meetings:saveRequest', { meetingId: m.id, category: 'DIGER', text: 'Bir öneri.' });
      return { id: withRequest.requests[0]!.id };
    },
  },
  'meetings:saveDecision': {
    input: async (app) => ({ meetingId: (await held(app)).id, text: 'Gönüllülük atölyesi düzenlenecek.', responsible: 'Gençlik merkezi müdürü', dueOn: '2026-06-30' }),
  },
  'meetings:reviewDecision': {
    input: async (app) => {
      const m = await held(app);
      const withDecision = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: m.id, text: 'Atölye düzenlenecek.' });
      return { decisionId: withDecision.decisions[0]!.id, meetingId: m.id, state: 'DEVAM', note: 'Hazırlık sürüyor.' };
    },
  },
  'meetings:attachFile': {
    input: async (app) => ({ meetingId: (await planned(app)).id, kind: 'DAVET', fileName: 'davet yazısı.pdf', contentBase64: pdfBase64() }),
  },
  'meetings:removeFile': {
    input: async (app) => {
      const m = await planned(app);
      const withFile = await app.ok<MeetingDetail>('meetings:attachFile', { meetingId: m.id, kind: 'HAZIRUN', fileName: 'hazirun.pdf', contentBase64: pdfBase64() });
      return { id: withFile.files[0]!.id };
    },
  },
};

export const meetingsParseable: ParseableSamples = {
  'meetings:terms': () => ({}),
  'meetings:setTerms': () => ({ terms: [{ no: 1, fromMonth: 1, toMonth: 12 }] }),
  'meetings:planner': () => ({ year: 2026 }),
  'meetings:board': () => ({ year: 2026 }),
  'meetings:plannerXlsx': () => ({ year: 2026, overdueOnly: true }),
  'meetings:boardXlsx': () => ({ year: 2026, region: 'Ege' }),
  'meetings:list': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'meetings:venues': () => ({}),
  'meetings:get': () => ({ id: unknownId() }),
  'meetings:checkClash': () => ({ youthCentreId: unknownId(), hall: 'Salon', date: '2026-05-05', startTime: '10:00', endTime: '11:00' }),
  'meetings:create': () => ({ youthCentreId: unknownId(), date: '2026-05-05', startTime: '10:00', endTime: '11:00', hall: 'Salon' }),
  'meetings:update': () => ({ id: unknownId(), hall: 'Yeni Salon' }),
  'meetings:transition': () => ({ id: unknownId(), action: 'cancel', reason: 'Hava koşulları' }),
  'meetings:suggestInvitees': () => ({ meetingId: unknownId() }),
  'meetings:saveParticipants': () => ({ meetingId: unknownId(), participants: [{ kind: 'GENC', fullName: 'Ali Veli', invited: true }] }),
  'meetings:setAttendance': () => ({ meetingId: unknownId(), attended: [{ participantId: unknownId(), attended: true }] }),
  'meetings:attendanceFromSheet': () => ({ meetingId: unknownId(), code: 'ABCDEF-12345', rows: '1, 3-4' }),
  'meetings:removeParticipant': () => ({ id: unknownId() }),
  'meetings:saveMinutes': () => ({ meetingId: unknownId(), minutes: 'Tutanak' }),
  'meetings:saveRequest': () => ({ meetingId: unknownId(), category: 'DIGER', text: 'Bir talep' }),
  'meetings:removeRequest': () => ({ id: unknownId() }),
  'meetings:saveDecision': () => ({ meetingId: unknownId(), text: 'Bir karar' }),
  'meetings:reviewDecision': () => ({ decisionId: unknownId(), meetingId: unknownId(), state: 'TAMAMLANDI' }),
  'meetings:openDecisions': () => ({}),
  'meetings:openDecisionsXlsx': () => ({}),
  'meetings:attachFile': () => ({ meetingId: unknownId(), kind: 'FOTOGRAF', fileName: 'foto.pdf', contentBase64: pdfBase64() }),
  'meetings:removeFile': () => ({ id: unknownId() }),
  'meetings:file': () => ({ id: unknownId() }),
  'meetings:document': () => ({ id: unknownId(), kind: 'minutes' }),
  'meetings:addresseesXlsx': () => ({ id: unknownId() }),
  'meetings:invitationFiles': () => ({ id: unknownId() }),
};
