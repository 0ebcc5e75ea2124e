import type { SyncedTableSpec } from '../changeLog/writer';
import {
  contactAffiliationsSpec,
  contactsSpec,
  interactionsSpec,
  orgRelationsSpec,
  organisationsSpec,
} from '../directory/specs';
import {
  meetingAgendaSpec,
  meetingDecisionsSpec,
  meetingFilesSpec,
  meetingParticipantsSpec,
  meetingRequestsSpec,
  meetingsSpec,
} from '../meetings/specs';
import { youthCentresSpec } from '../orgUnits/queries';
import { publishedReportsSpec } from '../reports/specs';
import { letterheadsSpec } from '../documents/specs';
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
import { workshopParticipantsSpec, workshopsSpec } from '../workshops/specs';

export const syncNodesSpec: SyncedTableSpec = {
  name: 'sync_nodes',
  columns: ['node_id', 'unit_id', 'role', 'unit_name', 'province_plate', 'sign_public_key', 'box_public_key', 'revoked_after_seq', 'centre_id'],
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
  organisationsSpec,
  contactsSpec,
  contactAffiliationsSpec,
  orgRelationsSpec,
  interactionsSpec,
  meetingsSpec,
  meetingAgendaSpec,
  meetingParticipantsSpec,
  meetingRequestsSpec,
  meetingDecisionsSpec,
  meetingFilesSpec,
  workshopsSpec,
  workshopParticipantsSpec,
  letterheadsSpec,
  publishedReportsSpec,
];

/** Attachment tables: their `sha256` column names a blob that travels with the exchange file. */
export const ATTACHMENT_TABLES = new Set(['association_attachments', 'meeting_files']);

export const SYNCED_BY_NAME = new Map(SYNCED_TABLES.map((spec) => [spec.name, spec]));

/**
 * Tables whose rows only the ministry may author: reference data flows down, and so do the national figures it
 * publishes (a province's row there would otherwise be relayed to every installation: the table is national).
 */
export const MINISTRY_ONLY_TABLES = new Set(['reference_data', 'published_reports']);
