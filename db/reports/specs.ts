import { refusalText } from '../../shared/sync/reasons';
import type { Row, SyncedTableSpec } from '../changeLog/writer';

// Published figures are the ministry's: the exchange refuses them from anyone else (MINISTRY_ONLY_TABLES), and
// a row of another unit held all the same (written into its own log by a modified client) does not count.

export const publishedReportsSpec: SyncedTableSpec = {
  name: 'published_reports',
  columns: ['title', 'period_from', 'period_to', 'scope_label', 'report', 'published_at'],
  authority: (row: Row) => {
    if (row.owner_unit === 'ministry') return null;
    const params = { author: String(row.owner_unit) };
    return { code: 'ministryFigures', params, reason: refusalText('ministryFigures', params) };
  },
  authorityColumn: 'title',
};
