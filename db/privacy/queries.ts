import { DATA_INVENTORY, retentionText, TRANSFER_ABROAD } from '../../shared/privacy/inventory';
import { DEFAULT_PRIVACY_NOTICE, PRIVACY_NOTICE_ID, type PrivacyNotice } from '../../shared/privacy/notice';
import { effectiveYears, RETENTION_RULES, RETENTION_RULES_ID, type RetentionYears } from '../../shared/privacy/retention';
import type { ChangeWriter } from '../changeLog/writer';
import type { OpenDatabase } from '../open';
import { referenceDataSpec } from '../registry/specs';

// The ministry's personal-data reference data: retention periods (`retentionRules`) and the privacy notice
// (`privacyNotice`), both rows of the synced `reference_data` table, so they reach every installation with
// the exchange like the registry policy does. Reads merge what is stored over the defaults.

interface StoredRow {
  value: string;
  updatedAt: string;
}

function storedRow(db: Pick<OpenDatabase, 'stmt'>, id: string): StoredRow | undefined {
  return db.stmt('SELECT value, updated_at AS updatedAt FROM reference_data WHERE id = ? AND deleted_at IS NULL').get(id) as StoredRow | undefined;
}

function parsed(row: StoredRow | undefined): Record<string, unknown> {
  if (!row) return {};
  try {
    const value: unknown = JSON.parse(row.value);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every rule's period in force: the ministry's where it set a valid one, the default elsewhere. */
export function readRetentionRules(db: Pick<OpenDatabase, 'stmt'>): { years: RetentionYears; updatedAt: string | null } {
  const row = storedRow(db, RETENTION_RULES_ID);
  return { years: effectiveYears(parsed(row).years), updatedAt: row?.updatedAt ?? null };
}

/** The rules in their fixed order, as the contract returns them. */
export function retentionRulesView(db: Pick<OpenDatabase, 'stmt'>) {
  const { years, updatedAt } = readRetentionRules(db);
  return { rules: RETENTION_RULES.map((rule) => ({ id: rule.id, years: years[rule.id] })), updatedAt };
}

/** Writes (or creates) one reference-data row through the change log, owned by the ministry's unit. */
function writeReference(db: Pick<OpenDatabase, 'stmt'>, writer: ChangeWriter, ownerUnit: string, id: string, value: unknown): void {
  const json = JSON.stringify(value);
  if (db.stmt('SELECT id FROM reference_data WHERE id = ?').get(id)) writer.update(referenceDataSpec, id, { value: json, deleted_at: null });
  else writer.insert(referenceDataSpec, ownerUnit, { value: json }, id);
}

/**
 * Sets the periods named in `changes` and keeps every other stored value, including those of rules a later
 * version added (an older ministry installation must not erase them). Call inside a transaction.
 */
export function saveRetentionYears(db: Pick<OpenDatabase, 'stmt'>, writer: ChangeWriter, ownerUnit: string, changes: Partial<RetentionYears>): void {
  const stored = parsed(storedRow(db, RETENTION_RULES_ID));
  const storedYears = stored.years && typeof stored.years === 'object' ? (stored.years as Record<string, unknown>) : {};
  const years = { ...storedYears, ...readRetentionRules(db).years, ...changes };
  writeReference(db, writer, ownerUnit, RETENTION_RULES_ID, { ...stored, years });
}

/** The notice in force: the ministry's last saved version, or the default text (version 1). */
export function readPrivacyNotice(db: Pick<OpenDatabase, 'stmt'>): PrivacyNotice & { updatedAt: string | null } {
  const row = storedRow(db, PRIVACY_NOTICE_ID);
  const value = parsed(row);
  if (!row || typeof value.title !== 'string' || typeof value.body !== 'string' || !value.title.trim() || !value.body.trim()) {
    return { ...DEFAULT_PRIVACY_NOTICE, updatedAt: null };
  }
  const version = typeof value.version === 'number' && Number.isInteger(value.version) ? value.version : DEFAULT_PRIVACY_NOTICE.version + 1;
  return { title: value.title, body: value.body, version, updatedAt: row.updatedAt };
}

/** Saves the notice as the next version. Call inside a transaction. */
export function savePrivacyNotice(db: Pick<OpenDatabase, 'stmt'>, writer: ChangeWriter, ownerUnit: string, notice: { title: string; body: string }): void {
  const version = readPrivacyNotice(db).version + 1;
  writeReference(db, writer, ownerUnit, PRIVACY_NOTICE_ID, { title: notice.title, body: notice.body, version });
}

/** The inventory with each row's retention period in force, both languages. */
export function inventoryRows(db: Pick<OpenDatabase, 'stmt'>) {
  const { years } = readRetentionRules(db);
  return DATA_INVENTORY.map((entry) => ({
    id: entry.id,
    process: entry.process,
    category: entry.category,
    special: entry.special,
    subjects: entry.subjects,
    items: entry.items,
    purpose: entry.purpose,
    legalBasis: entry.legalBasis,
    retentionRule: entry.retention,
    retention: { tr: retentionText(entry.retention, years, 'tr'), en: retentionText(entry.retention, years, 'en') },
    recipients: entry.recipients,
    transferAbroad: TRANSFER_ABROAD,
    technical: entry.technical,
    administrative: entry.administrative,
    extraMeasures: entry.extraTechnical,
  }));
}
