import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Reference data shipped with the app (identical on every installation, so seeded, not synced). */
export const provinces = sqliteTable(
  'provinces',
  {
    plate: text('plate').primaryKey(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    districtCount: integer('district_count').notNull(),
    sortKey: text('sort_key').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [index('provinces_sort').on(t.sortKey)],
);

export const districts = sqliteTable(
  'districts',
  {
    /** `<plate>-<folded name>`, e.g. `06-cankaya`: deterministic, so every installation has the same ids. */
    id: text('id').primaryKey(),
    plate: text('plate')
      .notNull()
      .references(() => provinces.plate),
    name: text('name').notNull(),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [index('districts_plate_sort').on(t.plate, t.sortKey)],
);

/** Youth centres (Gençlik Merkezi): owned by their province, synced. */
export const youthCentres = sqliteTable(
  'youth_centres',
  {
    id: text('id').primaryKey(),
    ownerUnit: text('owner_unit').notNull(),
    provincePlate: text('province_plate')
      .notNull()
      .references(() => provinces.plate),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    hallCapacity: integer('hall_capacity'),
    status: text('status', { enum: ['active', 'closed'] }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    // Derived from `name` (+ district) by the data layer; kept in columns so SQL can sort and search.
    sortKey: text('sort_key').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('youth_centres_sort').on(t.deletedAt, t.sortKey),
    index('youth_centres_province_sort').on(t.provincePlate, t.deletedAt, t.sortKey),
  ],
);
