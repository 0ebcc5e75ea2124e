import { describe, expect, it } from 'vitest';
import {
  allowedRegistrationActions,
  formatRegistrationNo,
  REGISTRATION_ACTION_NAMES,
  REGISTRATION_ACTIONS,
  REGISTRATION_NO,
  REGISTRATION_STATES,
  type RegistrationState,
} from '../../shared/registry/registration';
import { VISA_ACTIONS, VISA_APPLICATION_STATES } from '../../shared/registry/visa';

const province = { role: 'province' as const, unitId: 'province:06' };
const otherProvince = { role: 'province' as const, unitId: 'province:35' };
const ministry = { role: 'ministry' as const, unitId: 'ministry' };
const youthCentre = { role: 'youth-center' as const, unitId: 'youth-center:x' };

// The legal transitions exactly as DOMAIN.md §4.1 draws them (plus the approver's return for completion).
const LEGAL: [RegistrationState, string, RegistrationState][] = [
  ['TASLAK', 'logApplication', 'BASVURU_ALINDI'],
  ['BASVURU_ALINDI', 'markMissing', 'EKSIK_EVRAK'],
  ['EKSIK_EVRAK', 'documentsCompleted', 'BASVURU_ALINDI'],
  ['BASVURU_ALINDI', 'sendForApproval', 'ONAYDA'],
  ['ONAYDA', 'returnForCompletion', 'EKSIK_EVRAK'],
  ['ONAYDA', 'approve', 'TESCILLI'],
  ['ONAYDA', 'reject', 'REDDEDILDI'],
  ['TESCILLI', 'suspend', 'ASKIDA'],
  ['ASKIDA', 'reinstate', 'TESCILLI'],
  ['TESCILLI', 'cancel', 'TESCIL_IPTAL'],
  ['ASKIDA', 'cancel', 'TESCIL_IPTAL'],
  ['TESCILLI', 'transferOut', 'AKTARILDI'],
];

describe('registration state machine', () => {
  it('has exactly the legal transitions of the domain, and no others', () => {
    const actual: [string, string, string][] = [];
    for (const name of REGISTRATION_ACTION_NAMES) {
      for (const from of REGISTRATION_ACTIONS[name].from) actual.push([from, name, REGISTRATION_ACTIONS[name].to]);
    }
    expect(new Set(actual.map((t) => t.join('>')))).toEqual(new Set(LEGAL.map((t) => t.join('>'))));
  });

  it('terminal states allow no action for anyone', () => {
    for (const state of ['REDDEDILDI', 'TESCIL_IPTAL', 'AKTARILDI'] as const) {
      for (const unit of [province, ministry, otherProvince]) {
        expect(allowedRegistrationActions(state, unit, 'province:06', 'ministry')).toEqual([]);
      }
    }
  });

  it('with the default policy the owner prepares and the ministry decides', () => {
    expect(allowedRegistrationActions('BASVURU_ALINDI', province, 'province:06', 'ministry')).toEqual(['markMissing', 'sendForApproval']);
    expect(allowedRegistrationActions('ONAYDA', province, 'province:06', 'ministry')).toEqual([]);
    expect(allowedRegistrationActions('ONAYDA', ministry, 'province:06', 'ministry')).toEqual(['returnForCompletion', 'approve', 'reject']);
    expect(allowedRegistrationActions('TESCILLI', ministry, 'province:06', 'ministry')).toEqual(['suspend', 'cancel']);
  });

  it('with the "province approves" policy the owning province decides and the ministry does not', () => {
    expect(allowedRegistrationActions('ONAYDA', province, 'province:06', 'province')).toEqual(['returnForCompletion', 'approve', 'reject']);
    expect(allowedRegistrationActions('ONAYDA', ministry, 'province:06', 'province')).toEqual([]);
  });

  it('another province and a youth centre can never act on the record', () => {
    for (const state of REGISTRATION_STATES) {
      expect(allowedRegistrationActions(state, otherProvince, 'province:06', 'province')).toEqual([]);
      expect(allowedRegistrationActions(state, youthCentre, 'province:06', 'ministry')).toEqual([]);
    }
  });

  it('the transfer-out step is never offered to a person: it follows an accepted transfer', () => {
    for (const unit of [province, ministry]) {
      expect(allowedRegistrationActions('TESCILLI', unit, 'province:06', 'province')).not.toContain('transferOut');
    }
  });

  it('formats and recognises GSB registration numbers', () => {
    expect(formatRegistrationNo('06', 2026, 42)).toBe('GSB-06-2026-0042');
    expect(REGISTRATION_NO.test('GSB-06-2026-0042')).toBe(true);
    expect(REGISTRATION_NO.test('GSB-82-2026-0042')).toBe(false);
    expect(REGISTRATION_NO.test('GSB-6-2026-42')).toBe(false);
  });
});

describe('visa application state machine', () => {
  it('follows BAŞVURU → İNCELEME → ONAY | EKSİK | RED, with EKSİK back to İNCELEME', () => {
    const edges = Object.values(VISA_ACTIONS).flatMap((a) => a.from.map((f) => `${f}>${a.to}`));
    expect(new Set(edges)).toEqual(new Set(['BASVURU>INCELEME', 'INCELEME>ONAY', 'INCELEME>EKSIK', 'EKSIK>INCELEME', 'INCELEME>RED']));
    for (const terminal of ['ONAY', 'RED'] as const) {
      expect(Object.values(VISA_ACTIONS).some((a) => (a.from as readonly string[]).includes(terminal))).toBe(false);
    }
    expect(VISA_APPLICATION_STATES).toHaveLength(5);
  });
});
