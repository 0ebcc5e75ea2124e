import type { Role } from '../../../shared/contract';
import type { SetupInput } from '../../../shared/contract/installation';
import type { MessageKey } from '../../i18n';

// What the wizard collects, and what it can check itself before asking the server (only presence; the
// server owns every other rule and its messages are shown on the fields it names).

export interface SetupDraft {
  role: Role | null;
  provincePlate: string | null;
  districtName: string | null;
  name: string;
}

export type SetupField = 'role' | 'provincePlate' | 'districtName' | 'name';
export const SETUP_FIELDS: readonly SetupField[] = ['role', 'provincePlate', 'districtName', 'name'];

export const EMPTY_DRAFT: SetupDraft = { role: null, provincePlate: null, districtName: null, name: '' };

export function missingFields(draft: SetupDraft, upToStep: number): Partial<Record<SetupField, MessageKey>> {
  const missing: Partial<Record<SetupField, MessageKey>> = {};
  if (!draft.role) missing.role = 'setup.required.role';
  if (upToStep >= 1 && draft.role && draft.role !== 'ministry') {
    if (!draft.provincePlate) missing.provincePlate = 'setup.required.province';
    if (draft.role === 'youth-center') {
      if (!draft.districtName) missing.districtName = 'setup.required.district';
      if (!draft.name.trim()) missing.name = 'setup.required.name';
    }
  }
  return missing;
}

export function toSetupInput(draft: SetupDraft): SetupInput {
  switch (draft.role) {
    case 'province':
      return { role: 'province', provincePlate: draft.provincePlate ?? '' };
    case 'youth-center':
      return {
        role: 'youth-center',
        provincePlate: draft.provincePlate ?? '',
        districtName: draft.districtName ?? '',
        name: draft.name,
      };
    default:
      return { role: 'ministry' };
  }
}
