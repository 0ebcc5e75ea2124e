import type { WorkshopDetail } from '../../../shared/contract/workshops';
import type { TestApp } from '../../support/app';
import type { ParseableSamples, SyncedCases } from './types';

const WORKSHOP = {
  kind: 'BOLGE_CALISTAYI',
  title: 'Karadeniz Bölge Çalıştayı',
  region: 'Karadeniz',
  hostPlate: '61',
  startOn: '2025-05-14',
  endOn: '2025-05-15',
  venue: 'Trabzon Gençlik Merkezi',
  programme: [{ time: '10:00', title: 'Açılış' }],
  findings: 'Tespitler',
};

async function workshopWithParticipant(app: TestApp): Promise<WorkshopDetail> {
  const w = await app.ok<WorkshopDetail>('workshops:save', WORKSHOP);
  return app.ok<WorkshopDetail>('workshops:saveParticipants', {
    workshopId: w.id,
    participants: [{ fullName: 'Elif Karadeniz', title: 'Başkan', organisationName: 'Trabzon Gençlik Derneği', provincePlate: '61' }],
  });
}

export const workshopsSyncedCases: SyncedCases = {
  'workshops:save': { role: 'ministry', input: async () => WORKSHOP },
  'workshops:saveParticipants': {
    role: 'ministry',
    input: async (app) => {
      const w = await app.ok<WorkshopDetail>('workshops:save', WORKSHOP);
      return {
        workshopId: w.id,
        participants: [
          { fullName: 'Elif Karadeniz', title: 'Başkan', organisationName: 'Trabzon Gençlik Derneği', provincePlate: '61' },
          { fullName: 'Murat Rize', organisationName: 'Rize Gönüllüleri', provincePlate: '53' },
        ],
      };
    },
  },
  'workshops:removeParticipant': {
    role: 'ministry',
    input: async (app) => ({ id: (await workshopWithParticipant(app)).participantList[0]!.id }),
  },
};

const ID = '0190a0a0-0000-7000-8000-000000000001';

export const workshopsParseable: ParseableSamples = {
  'workshops:list': () => ({ kind: 'BOLGE_CALISTAYI', region: 'Ege', from: '2025-01-01', to: '2025-12-31' }),
  'workshops:get': () => ({ id: ID }),
  'workshops:save': () => WORKSHOP,
  'workshops:saveParticipants': () => ({ workshopId: ID, participants: [{ fullName: 'Elif Karadeniz', organisationName: 'Dernek', provincePlate: '61' }] }),
  'workshops:removeParticipant': () => ({ id: ID }),
  'workshops:document': () => ({ id: ID, kind: 'programme' }),
  'workshops:listXlsx': () => ({ kind: 'ULUSAL_ZIRVE' }),
};
