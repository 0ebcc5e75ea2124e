import type { SyncedTableSpec } from '../changeLog/writer';

// Workshops and summits are written by the ministry and flow down through exchange files.

export const workshopsSpec: SyncedTableSpec = {
  name: 'workshops',
  columns: ['kind', 'title', 'region', 'host_plate', 'start_on', 'end_on', 'venue', 'programme', 'findings'],
};

export const workshopParticipantsSpec: SyncedTableSpec = {
  name: 'workshop_participants',
  columns: ['workshop_id', 'organisation_id', 'organisation_name', 'province_plate', 'full_name', 'title'],
};
