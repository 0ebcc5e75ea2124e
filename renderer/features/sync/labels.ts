import { useMemo } from 'react';
import type { ImportResult } from '../../../shared/contract/sync';
import { provinceByPlate } from '../../../shared/regions';
import { REFUSAL_UNIT_PARAMS } from '../../../shared/sync/reasons';
import { foldTurkish } from '../../../shared/turkish';
import { isMessageKey, useLocale, useT, type MessageKey, type Translate } from '../../i18n';
import { verdictText } from '../registry';

// What the exchange screens show for the server's raw names: tables and columns in the interface language
// (raw names when a column has no label yet), values, refusals, times (GG.AA.YYYY HH:mm, Turkey's time) and
// file names.

/** Messages with a form for one (`<key>.one`) and for any other count (`<key>.other`): English needs both. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never }[MessageKey];

type Refused = ImportResult['report']['rejected'][number];

/** Column labels borrowed from the record screens, so a field is called the same everywhere. */
const COLUMN_KEYS: Record<string, Record<string, MessageKey>> = {
  youth_centres: {
    name: 'centre.field.name',
    province_plate: 'centre.field.province',
    district_id: 'centre.field.district',
    address: 'centre.field.address',
    phone: 'centre.field.phone',
    email: 'centre.field.email',
    hall_capacity: 'centre.field.hallCapacity',
    status: 'centre.field.status',
  },
  associations: {
    name: 'registry.field.name',
    short_name: 'registry.field.shortName',
    club_type: 'registry.field.clubType',
    kutuk_no: 'registry.field.kutukNo',
    vkn: 'registry.field.vkn',
    tax_office: 'registry.field.taxOffice',
    founded_on: 'registry.field.foundedOn',
    province_plate: 'registry.field.province',
    district_id: 'registry.field.district',
    neighbourhood: 'registry.field.neighbourhood',
    street: 'registry.field.street',
    phone: 'registry.field.phone',
    email: 'registry.field.email',
    website: 'registry.field.website',
    activity_areas: 'registry.field.activityAreas',
    member_count: 'registry.field.memberCount',
    activity_place: 'registry.field.activityPlace',
    activity_place_document: 'registry.field.activityPlaceDocument',
  },
};

const TURKEY = 'Europe/Istanbul';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TURKEY,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
}

/** ISO timestamp → `GG.AA.YYYY HH:mm` in Turkey's time; '' when absent or not a time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** ISO timestamp → `GG.AA.YYYY`, the day in Turkey's time; '' when absent or not a time. */
export function formatDate(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}

/** A hybrid logical clock value (`<ISO time>-<counter>-<node>`) → its ISO time. */
export function hlcTime(hlc: string): string | null {
  return /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)-/.exec(hlc)?.[1] ?? null;
}


/** `Ankara Gençlik ve Spor İl Müdürlüğü` → `ankara-genclik-ve-spor-il-mudurlugu` (safe on every disk). */
export function fileSlug(text: string): string {
  return foldTurkish(text).replace(/ /g, '-').slice(0, 60) || 'kopru';
}

/** `GG.AA.YYYY-SSDD` of now in Turkey's time, for suggested file names. */
export function fileStamp(now = new Date()): string {
  const p = parts(now);
  return `${p.day}.${p.month}.${p.year}-${p.hour}${p.minute}`;
}

export function syncLabels(t: Translate, locale: string) {
  /** A table as a list of records: `Dernekler`. */
  const table = (name: string): string => {
    const key = `sync.tables.${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
  /** One record of a table: `Dernek`. */
  const record = (name: string): string => {
    const key = `sync.table.${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
  const plural = (key: PluralKey, count: number): string => t(`${key}.${count === 1 ? 'one' : 'other'}`, { count });
  /** `ministry`, `province:06`, `youth-center:…` in the interface language. */
  const unit = (unitId: string): string => {
    if (unitId === 'ministry') return t('sync.unit.ministry');
    const plate = /^province:(\d{2})$/.exec(unitId)?.[1];
    if (plate) return t('sync.unit.province', { province: provinceByPlate(plate)?.name ?? plate });
    return t('sync.unit.youthCentre', { id: unitId });
  };
  const column = (tableName: string, name: string): string => {
    const borrowed = COLUMN_KEYS[tableName]?.[name];
    if (borrowed) return t(borrowed);
    const key = `sync.column.${name}`;
    return isMessageKey(key) ? t(key) : name;
  };
  return {
    table,
    column,
    record,
    /** `3 dernek`, `1 association`, `2 associations`. */
    count: (tableName: string, count: number): string => {
      const key = `sync.count.${tableName}`;
      return isMessageKey(`${key}.one`) ? plural(key as PluralKey, count) : plural('sync.count.record', count);
    },
    plural,
    /** `Gençlik merkezi · Ad` */
    field: (tableName: string, name: string) => `${record(tableName)} · ${column(tableName, name)}`,
    /**
     * Why a change was refused, in the interface language, naming units by name (the server's Turkish text
     * when the refusal has no code, as refused workflow steps do).
     */
    reason: (r: Refused): string => {
      if (r.verdict) return verdictText(t, r.verdict);
      if (!r.code) return r.reason;
      const given = r.params ?? {};
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(given)) {
        if (name.endsWith('Name')) continue;
        params[name] = given[`${name}Name`] ?? ((REFUSAL_UNIT_PARAMS as readonly string[]).includes(name) ? unit(value) : name === 'centre' ? t('sync.reason.unknownCentre') : value);
      }
      const text = t(`sync.reason.${r.code}`, params);
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    },
    /** A field's value as people read it. */
    value: (tableName: string, name: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('sync.value.empty');
      if (tableName === 'youth_centres' && name === 'status' && typeof value === 'string' && isMessageKey(`status.${value}`)) {
        return t(`status.${value}` as MessageKey);
      }
      if (typeof value === 'boolean') return t(value ? 'sync.value.yes' : 'sync.value.no');
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      return JSON.stringify(value);
    },
    role: (role: string) => (isMessageKey(`role.${role}`) ? t(`role.${role}` as MessageKey) : role),
  };
}

export type SyncLabels = ReturnType<typeof syncLabels>;

export function useSyncLabels(): SyncLabels {
  const t = useT();
  const locale = useLocale();
  return useMemo(() => syncLabels(t, locale), [t, locale]);
}
