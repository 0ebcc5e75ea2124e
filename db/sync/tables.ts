import type { SyncedTableSpec } from '../changeLog/writer';
import { youthCentresSpec } from '../orgUnits/queries';
import {
  associationAttachmentsSpec,
  associationDocumentsSpec,
  associationHistorySpec,
  associationPeopleSpec,
  associationsSpec,
  derbisSnapshotsSpec,
  referenceDataSpec,
  transfersSpec,
  visaApplicationsSpec,
} from '../registry/specs';

export const syncNodesSpec: SyncedTableSpec = {
  name: 'sync_nodes',
  columns: ['node_id', 'unit_id', 'role', 'unit_name', 'province_plate', 'sign_public_key', 'box_public_key'],
};

/**
 * Every synced table, parents before children: received rows are materialised in this order, so a row
 * usually finds its parent already in place (otherwise it waits in sync_pending).
 */
export const SYNCED_TABLES: readonly SyncedTableSpec[] = [
  syncNodesSpec,
  referenceDataSpec,
  youthCentresSpec,
  associationsSpec,
  associationHistorySpec,
  associationPeopleSpec,
  associationDocumentsSpec,
  associationAttachmentsSpec,
  visaApplicationsSpec,
  transfersSpec,
  derbisSnapshotsSpec,
];

export const SYNCED_BY_NAME = new Map(SYNCED_TABLES.map((spec) => [spec.name, spec]));

/** Tables whose rows only the ministry may author (reference data flows down). */
export const MINISTRY_ONLY_TABLES = new Set(['reference_data']);
