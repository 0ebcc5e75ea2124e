export { UsersGate } from './UsersGate';
export { UserMenu } from './UserMenu';
export { UsersSection } from './UsersSection';
export { RevealLogSection } from './RevealLogSection';
export { AccountFields } from './AccountFields';
export { accountProblems, MIN_SECRET, repeatProblem, type AccountDraft, type AccountField } from './accountForm';
