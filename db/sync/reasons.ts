import { REFUSAL_UNIT_PARAMS, refusalText, type Refusal, type RefusalCode } from '../../shared/sync/reasons';
import type { OpenDatabase } from '../open';

/**
 * A refusal as the import report carries it: the code, its parameters with names beside ids (only names known
 * here: the screens word an unknown one in their language), and the Turkish sentence.
 */
export interface ExplainedRefusal {
  code: RefusalCode;
  params: Record<string, string>;
  reason: string;
}

/**
 * Names the units and the centre of a refusal as this installation knows them, and words it. Called only for
 * the refusals the report keeps (the first 50), so the lookups cost nothing on a file refused wholesale.
 */
export function explainRefusal(db: OpenDatabase, refusal: Refusal): ExplainedRefusal {
  const params: Record<string, string> = { ...refusal.params };
  for (const key of REFUSAL_UNIT_PARAMS) {
    const unit = params[key];
    const name = unit?.startsWith('youth-center:') ? youthCentreUnitName(db, unit) : null;
    if (name) params[`${key}Name`] = name;
  }
  if (params.centre !== undefined) {
    const centre = db.stmt('SELECT name FROM youth_centres WHERE id = ?').get(params.centre) as { name: string } | undefined;
    if (centre) params.centreName = centre.name;
  }
  return { code: refusal.code, params, reason: refusalText(refusal.code, params) };
}

/**
 * A youth centre's name, by its unit: this installation's own, an enrolled peer's, or the one its installation
 * was vouched for with in the node directory; null when none is known here.
 */
function youthCentreUnitName(db: OpenDatabase, unit: string): string | null {
  const row = (db.stmt('SELECT unit_name AS name FROM installation WHERE unit_id = ?').get(unit) ??
    db.stmt('SELECT unit_name AS name FROM sync_peers WHERE unit_id = ? LIMIT 1').get(unit) ??
    db.stmt('SELECT unit_name AS name FROM sync_nodes WHERE unit_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1').get(unit)) as
    | { name: string }
    | undefined;
  return row?.name ?? null;
}
