import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY_POLICY, monthDayInYear } from '../../shared/registry/policy';
import { visaStatus, type VisaApplicationState } from '../../shared/registry/visa';
import { visaSql } from '../../db/registry/visaSql';
import { openApp } from '../support/app';

const policy = DEFAULT_REGISTRY_POLICY;
const facts = (registeredOn: string | null, applications: Record<number, VisaApplicationState> = {}, inForce = true) => ({
  registeredOn,
  inForce,
  applications,
});

describe('visaStatus (pure)', () => {
  it('is not applicable before registration or when the registration is not in force', () => {
    expect(visaStatus(facts(null), 2026, '2026-02-01', policy).status).toBe('KAPSAM_DISI');
    expect(visaStatus(facts('2025-03-01'), 2024, '2026-02-01', policy).status).toBe('KAPSAM_DISI');
    expect(visaStatus(facts('2020-03-01', {}, false), 2026, '2026-02-01', policy).status).toBe('KAPSAM_DISI');
  });

  it('counts the registration year itself as visa-ed', () => {
    expect(visaStatus(facts('2026-09-15'), 2026, '2026-11-25', policy).status).toBe('VIZELI');
  });

  it('window boundaries: open through 30 April inclusive, late from 1 May', () => {
    const f = facts('2024-06-01', { 2025: 'ONAY' });
    expect(visaStatus(f, 2026, '2026-01-01', policy).status).toBe('DONEM_ACIK');
    expect(visaStatus(f, 2026, '2026-04-30', policy).status).toBe('DONEM_ACIK');
    expect(visaStatus(f, 2026, '2026-05-01', policy)).toEqual({ status: 'GECIKMIS', yearsWithout: 1, proposeCancellation: false });
  });

  it('an approved application is VİZELİ; one under review (or missing documents) is İNCELEMEDE even after the window', () => {
    expect(visaStatus(facts('2020-01-01', { 2026: 'ONAY' }), 2026, '2026-12-31', policy).status).toBe('VIZELI');
    for (const state of ['BASVURU', 'INCELEME', 'EKSIK'] as const) {
      expect(visaStatus(facts('2020-01-01', { 2026: state }), 2026, '2026-07-01', policy).status).toBe('INCELEMEDE');
    }
    expect(visaStatus(facts('2020-01-01', { 2026: 'RED', 2025: 'ONAY' }), 2026, '2026-07-01', policy).status).toBe('GECIKMIS');
  });

  it('N consecutive years without visa → VİZESİZ_N_YIL and a cancellation proposal (default N = 2)', () => {
    const r = visaStatus(facts('2020-01-01', { 2023: 'ONAY' }), 2025, '2026-01-10', policy);
    expect(r).toEqual({ status: 'VIZESIZ_N_YIL', yearsWithout: 2, proposeCancellation: true });
    const n3 = visaStatus(facts('2020-01-01', { 2023: 'ONAY' }), 2025, '2026-01-10', { ...policy, yearsWithoutVisaForCancellation: 3 });
    expect(n3).toEqual({ status: 'GECIKMIS', yearsWithout: 2, proposeCancellation: false });
    // The run of years stops at the registration year.
    expect(visaStatus(facts('2024-05-01'), 2025, '2025-06-01', policy)).toEqual({ status: 'GECIKMIS', yearsWithout: 1, proposeCancellation: false });
  });

  it('a window ending on 29 February ends on the 28th in common years and the 29th in leap years', () => {
    const leapPolicy = { ...policy, visaWindow: { start: '01-01', end: '02-29' } };
    expect(monthDayInYear('02-29', 2025)).toBe('2025-02-28');
    expect(monthDayInYear('02-29', 2024)).toBe('2024-02-29');
    const f = facts('2020-01-01', { 2023: 'ONAY' });
    expect(visaStatus(f, 2024, '2024-02-29', leapPolicy).status).toBe('DONEM_ACIK');
    expect(visaStatus(f, 2025, '2025-02-28', leapPolicy).status).toBe('DONEM_ACIK');
    expect(visaStatus(f, 2025, '2025-03-01', leapPolicy).status).not.toBe('DONEM_ACIK');
  });
});

describe('visa status in SQL agrees with the pure function', () => {
  it('on random registrations, applications, years and dates (applications another unit wrote never count)', () => {
    const app = openApp();
    const db = app.ctx.db!.sqlite;
    db.exec(`CREATE TEMP TABLE a (id TEXT PRIMARY KEY, owner_unit TEXT, registered_on TEXT, status TEXT)`);
    const insertA = db.prepare(`INSERT INTO a (id, owner_unit, registered_on, status) VALUES (?, 'province:06', ?, ?)`);
    // visa_applications has foreign keys to associations; the check uses a temp copy without them.
    db.exec(`CREATE TEMP TABLE visa_applications (id TEXT, association_id TEXT, owner_unit TEXT, year INTEGER, state TEXT, created_at TEXT, deleted_at TEXT)`);
    const insertV = db.prepare('INSERT INTO temp.visa_applications (id, association_id, owner_unit, year, state, created_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, NULL)');
    let n = 0;
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 2015, max: 2026 }), { nil: null }),
        fc.constantFrom('TESCILLI', 'ASKIDA', 'TESCIL_IPTAL', 'TASLAK'),
        fc.dictionary(fc.integer({ min: 2015, max: 2026 }).map(String), fc.constantFrom<VisaApplicationState>('BASVURU', 'INCELEME', 'ONAY', 'EKSIK', 'RED')),
        fc.integer({ min: 2016, max: 2026 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 4 }),
        fc.dictionary(fc.integer({ min: 2015, max: 2026 }).map(String), fc.constantFrom<VisaApplicationState>('BASVURU', 'INCELEME', 'ONAY', 'EKSIK', 'RED')),
        (regYear, status, apps, year, dayOffset, N, forged) => {
          const id = `x${n++}`;
          const registeredOn = regYear === null ? null : `${regYear}-03-15`;
          insertA.run(id, registeredOn, status);
          const applications: Record<number, VisaApplicationState> = {};
          for (const [y, s] of Object.entries(apps)) {
            insertV.run(`${id}-${y}`, id, 'province:06', Number(y), s, '2020-01-01');
            applications[Number(y)] = s;
          }
          // A youth centre's own rows for the same association, newer than the province's: ignored.
          for (const [y, s] of Object.entries(forged)) insertV.run(`${id}-${y}-forged`, id, 'youth-center:x', Number(y), s, '2021-01-01');
          const today = new Date(Date.UTC(year, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
          const p = { ...policy, yearsWithoutVisaForCancellation: N };
          const expected = visaStatus({ registeredOn, inForce: status === 'TESCILLI' || status === 'ASKIDA', applications }, year, today, p);
          const sql = visaSql(year, today, p);
          const row = db.prepare(`SELECT ${sql.status} AS status, ${sql.yearsWithout} AS yearsWithout FROM a WHERE a.id = @id`).get({ ...sql.params, id }) as {
            status: string;
            yearsWithout: number;
          };
          expect(row.status).toBe(expected.status);
          expect(row.yearsWithout).toBe(expected.yearsWithout);
        },
      ),
      { numRuns: 300 },
    );
    app.close();
  });
});
