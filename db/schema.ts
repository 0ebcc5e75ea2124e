// Every table, for drizzle-kit and for typed queries.
export * from './changeLog/schema';
export * from './installation/schema';
export * from './orgUnits/schema';
export * from './settings/schema';
export * from './registry/schema';
export * from './sync/schema';
export * from './directory/schema';
export * from './meetings/schema';
export * from './workshops/schema';
export * from './reports/schema';
export * from './users/schema';
export * from './documents/schema';
