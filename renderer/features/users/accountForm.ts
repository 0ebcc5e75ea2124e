import { MIN_PASSWORD } from '../../../shared/contract/users';
import type { MessageKey } from '../../i18n';

// What an account form can check before asking the server, all at once and at the field: the same rules as
// shared/contract/users.ts (the server checks them again and its messages land on the same fields).

export interface AccountDraft {
  username: string;
  displayName: string;
  password: string;
  /** The password typed again; forms that ask for it once leave it out of the check. */
  repeat: string;
}

export type AccountField = keyof AccountDraft;
export type AccountProblems = Partial<Record<AccountField, MessageKey>>;

export const EMPTY_ACCOUNT: AccountDraft = { username: '', displayName: '', password: '', repeat: '' };

/** Messages take `{min}`: pass `MIN_SECRET` when translating. */
export const MIN_SECRET = { min: MIN_PASSWORD };

const USERNAME = /^[\p{L}\p{N}._-]+$/u;

export function accountProblems(draft: AccountDraft, options: { repeat: boolean }): AccountProblems {
  const problems: AccountProblems = {};
  const username = draft.username.trim();
  if (!username) problems.username = 'users.check.usernameRequired';
  else if (username.length < 3) problems.username = 'users.check.usernameShort';
  else if (!USERNAME.test(username)) problems.username = 'users.check.usernameChars';
  if (draft.displayName.trim().length < 3) problems.displayName = 'users.check.displayNameRequired';
  const password = passwordProblem(draft.password, username);
  if (password) problems.password = password;
  if (options.repeat) {
    const repeat = repeatProblem(draft.password, draft.repeat);
    if (repeat) problems.repeat = repeat;
  }
  return problems;
}

export function passwordProblem(password: string, username: string): MessageKey | undefined {
  if (!password) return 'users.check.passwordRequired';
  if (password.length < MIN_PASSWORD) return 'users.check.passwordShort';
  if (username && password.trim().toLocaleLowerCase('tr-TR') === username.trim().toLocaleLowerCase('tr-TR')) return 'users.check.passwordIsUsername';
  return undefined;
}

export function repeatProblem(secret: string, repeat: string): MessageKey | undefined {
  if (!repeat) return secret ? 'users.check.repeatRequired' : undefined;
  return repeat === secret ? undefined : 'users.check.repeatMismatch';
}
