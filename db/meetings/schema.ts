import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contacts, organisations } from '../directory/schema';
import { provinces, youthCentres } from '../orgUnits/schema';
import { synced } from '../registry/schema';

// Cooperation and consultation meetings (DOMAIN.md §5). A meeting and everything recorded in it are owned
// by the unit that holds it (the youth centre's installation, or the province recording for a centre that
// has none), and travel up through exchange files.

export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    ...synced,
    youthCentreId: text('youth_centre_id').notNull().references(() => youthCentres.id),
    provincePlate: text('province_plate').notNull().references(() => provinces.plate),
    /** ISO date and `HH:MM` times. */
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    hall: text('hall').notNull(),
    chair: text('chair'),
    rapporteur: text('rapporteur'),
    state: text('state').notNull(),
    letterDate: text('letter_date'),
    letterNo: text('letter_no'),
    /** Why it was postponed or cancelled. */
    stateReason: text('state_reason'),
    /** General minutes (opening, closing); per-item minutes live on the agenda items. */
    minutes: text('minutes'),
    // Derived (local): the term from the date under the ministry's term reference data.
    termYear: integer('term_year').notNull(),
    termNo: integer('term_no').notNull(),
  },
  (t) => [
    index('meetings_centre_date').on(t.youthCentreId, t.date),
    index('meetings_province_term').on(t.provincePlate, t.termYear, t.termNo, t.state),
    index('meetings_date').on(t.date),
    index('meetings_term_state').on(t.termYear, t.termNo, t.state),
  ],
);

export const meetingAgenda = sqliteTable(
  'meeting_agenda',
  {
    id: text('id').primaryKey(),
    ...synced,
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    minutes: text('minutes'),
  },
  (t) => [index('meeting_agenda_meeting').on(t.meetingId, t.position)],
);

/** Invitees and attendees: invited (letter sent) and/or attended (walk-ins are attended without invitation). */
export const meetingParticipants = sqliteTable(
  'meeting_participants',
  {
    id: text('id').primaryKey(),
    ...synced,
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    kind: text('kind').notNull(),
    fullName: text('full_name').notNull(),
    title: text('title'),
    organisationId: text('organisation_id').references(() => organisations.id),
    /** Free text for an organisation not in the directory (a walk-in's club, a school). */
    organisationName: text('organisation_name'),
    contactId: text('contact_id').references(() => contacts.id),
    invited: integer('invited').notNull(),
    attended: integer('attended').notNull(),
    walkIn: integer('walk_in').notNull(),
    phone: text('phone'),
    email: text('email'),
    // Derived (local): folded name for unique-person counts when there is no contact record.
    personKey: text('person_key').notNull(),
  },
  (t) => [
    index('meeting_participants_meeting').on(t.meetingId),
    index('meeting_participants_org').on(t.organisationId),
    index('meeting_participants_kind').on(t.kind, t.attended),
  ],
);

export const meetingRequests = sqliteTable(
  'meeting_requests',
  {
    id: text('id').primaryKey(),
    ...synced,
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    category: text('category').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    text: text('text').notNull(),
  },
  (t) => [index('meeting_requests_meeting').on(t.meetingId)],
);

/** Numbered decisions; later meetings of the same centre review them until done or cancelled. */
export const meetingDecisions = sqliteTable(
  'meeting_decisions',
  {
    id: text('id').primaryKey(),
    ...synced,
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    youthCentreId: text('youth_centre_id').notNull().references(() => youthCentres.id),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    responsible: text('responsible'),
    dueOn: text('due_on'),
    state: text('state').notNull(),
    stateNote: text('state_note'),
    /** The later meeting where it was last reviewed. */
    reviewedInMeetingId: text('reviewed_in_meeting_id').references(() => meetings.id),
  },
  (t) => [index('meeting_decisions_meeting').on(t.meetingId, t.number), index('meeting_decisions_centre').on(t.youthCentreId, t.state)],
);

export const meetingFiles = sqliteTable(
  'meeting_files',
  {
    id: text('id').primaryKey(),
    ...synced,
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [index('meeting_files_meeting').on(t.meetingId), index('meeting_files_sha').on(t.sha256)],
);
