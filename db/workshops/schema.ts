import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisations } from '../directory/schema';
import { provinces } from '../orgUnits/schema';
import { synced } from '../registry/schema';

// Regional workshop programmes and national summits (DOMAIN.md §5). Organised and owned by the ministry.

export const workshops = sqliteTable(
  'workshops',
  {
    id: text('id').primaryKey(),
    ...synced,
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** One of the 7 geographic regions; null for a national summit. */
    region: text('region'),
    hostPlate: text('host_plate').references(() => provinces.plate),
    startOn: text('start_on').notNull(),
    endOn: text('end_on').notNull(),
    venue: text('venue'),
    /** JSON array of programme items `{ time, title }`. */
    programme: text('programme').notNull(),
    findings: text('findings'),
  },
  (t) => [index('workshops_start').on(t.startOn), index('workshops_region').on(t.region, t.startOn)],
);

/** One participant: a CSO (or institution) representative, from a province. */
export const workshopParticipants = sqliteTable(
  'workshop_participants',
  {
    id: text('id').primaryKey(),
    ...synced,
    workshopId: text('workshop_id').notNull().references(() => workshops.id),
    organisationId: text('organisation_id').references(() => organisations.id),
    organisationName: text('organisation_name'),
    provincePlate: text('province_plate').notNull().references(() => provinces.plate),
    fullName: text('full_name').notNull(),
    title: text('title'),
  },
  (t) => [index('workshop_participants_workshop').on(t.workshopId), index('workshop_participants_org').on(t.organisationId)],
);
