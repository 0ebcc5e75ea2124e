import type { Role } from '../../../shared/contract';
import { MIN_PASSPHRASE, type SetupInput } from '../../../shared/contract/installation';
import type { MessageKey } from '../../i18n';
import { accountProblems, repeatProblem, type AccountDraft, type AccountField } from '../users';

// What the wizard collects, and what it can check itself before asking the server: presence on the unit steps,
// the account rules on the administrator step (all at once, at the field). The server checks everything again
// and its messages are shown on the fields it names.

export interface SetupDraft {
  role: Role | null;
  provincePlate: string | null;
  districtName: string | null;
  name: string;
  admin: AccountDraft;
  recoveryPassphrase: string;
  recoveryRepeat: string;
}

export type SetupField =
  | 'role'
  | 'provincePlate'
  | 'districtName'
  | 'name'
  | 'adminUsername'
  | 'adminDisplayName'
  | 'adminPassword'
  | 'adminRepeat'
  | 'recoveryPassphrase'
  | 'recoveryRepeat';

export const SETUP_FIELDS: readonly SetupField[] = [
  'role',
  'provincePlate',
  'districtName',
  'name',
  'adminUsername',
  'adminDisplayName',
  'adminPassword',
  'adminRepeat',
  'recoveryPassphrase',
  'recoveryRepeat',
];

/** The administrator's fields as the account form names them. */
export const ADMIN_FIELDS: Record<AccountField, SetupField> = {
  username: 'adminUsername',
  displayName: 'adminDisplayName',
  password: 'adminPassword',
  repeat: 'adminRepeat',
};

/** Where the server reports a field's problem, when not under the field's own name. */
export const SETUP_PATHS: Partial<Record<SetupField, string>> = {
  adminUsername: 'admin.username',
  adminDisplayName: 'admin.displayName',
  adminPassword: 'admin.password',
};

export const DETAILS_STEP = 1;
export const ACCOUNT_STEP = 2;
export const CONFIRM_STEP = 3;

/** The step a field is asked on (where the wizard goes back to show a problem). */
export function stepOf(field: SetupField): number {
  if (field === 'role') return 0;
  return field.startsWith('admin') || field.startsWith('recovery') ? ACCOUNT_STEP : DETAILS_STEP;
}

export const EMPTY_DRAFT: SetupDraft = {
  role: null,
  provincePlate: null,
  districtName: null,
  name: '',
  admin: { username: '', displayName: '', password: '', repeat: '' },
  recoveryPassphrase: '',
  recoveryRepeat: '',
};

/** Problems with what the steps up to `upToStep` asked for (messages take `{min}`). */
export function setupProblems(draft: SetupDraft, upToStep: number): Partial<Record<SetupField, MessageKey>> {
  const problems: Partial<Record<SetupField, MessageKey>> = {};
  if (!draft.role) problems.role = 'setup.required.role';
  if (upToStep >= DETAILS_STEP && draft.role && draft.role !== 'ministry') {
    if (!draft.provincePlate) problems.provincePlate = 'setup.required.province';
    if (draft.role === 'youth-center') {
      if (!draft.districtName) problems.districtName = 'setup.required.district';
      if (!draft.name.trim()) problems.name = 'setup.required.name';
    }
  }
  if (upToStep >= ACCOUNT_STEP) {
    for (const [field, key] of Object.entries(accountProblems(draft.admin, { repeat: true }))) problems[ADMIN_FIELDS[field as AccountField]] = key;
    if (!draft.recoveryPassphrase) problems.recoveryPassphrase = 'setup.recovery.required';
    else if (draft.recoveryPassphrase.length < MIN_PASSPHRASE) problems.recoveryPassphrase = 'setup.recovery.short';
    const repeat = repeatProblem(draft.recoveryPassphrase, draft.recoveryRepeat);
    if (repeat) problems.recoveryRepeat = repeat;
  }
  return problems;
}

export function toSetupInput(draft: SetupDraft): SetupInput {
  const firstRun = {
    admin: { username: draft.admin.username, displayName: draft.admin.displayName, password: draft.admin.password },
    recoveryPassphrase: draft.recoveryPassphrase,
  };
  switch (draft.role) {
    case 'province':
      return { role: 'province', provincePlate: draft.provincePlate ?? '', ...firstRun };
    case 'youth-center':
      return {
        role: 'youth-center',
        provincePlate: draft.provincePlate ?? '',
        districtName: draft.districtName ?? '',
        name: draft.name,
        ...firstRun,
      };
    default:
      return { role: 'ministry', ...firstRun };
  }
}
