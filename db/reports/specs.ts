import { unitLabel } from '../../shared/registry/workflow';
import type { Row, SyncedTableSpec } from '../changeLog/writer';

// Published figures are the ministry's: the exchange refuses them from anyone else (MINISTRY_ONLY_TABLES), and
// a row of another unit held all the same (written into its own log by a modified client) does not count.

export const publishedReportsSpec: SyncedTableSpec = {
  name: 'published_reports',
  columns: ['title', 'period_from', 'period_to', 'scope_label', 'report', 'published_at'],
  authority: (row: Row) =>
    row.owner_unit === 'ministry' ? null : `Ülke rakamlarını yalnızca Bakanlık gönderebilir; ${unitLabel(String(row.owner_unit))} gönderemez`,
  authorityColumn: 'title',
};
