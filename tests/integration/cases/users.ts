import type { ParseableSamples } from './types';

// Users and roles (issue #16) in the contract-wide suites. The sign-in sample uses a name with no account, so
// running it in every loop never makes a real account wait.

export const usersParseable: ParseableSamples = {
  'users:session': () => ({}),
  'users:createFirstAdmin': () => ({ username: 'ikinci.yonetici', displayName: 'İkinci Yönetici', password: 'uzun bir parola 1' }),
  'users:signIn': () => ({ username: 'hesabi.olmayan', password: 'rastgele parola' }),
  'users:lock': () => ({ reason: 'manual' }),
  'users:signOut': () => ({}),
  'users:touch': () => ({}),
  'users:changePassword': () => ({ current: 'yanlış parola', password: 'yeni uzun parola', confirm: 'yeni uzun parola' }),
  'users:list': () => ({}),
  'users:create': () => ({ account: { username: 'yeni.uzman', displayName: 'Yeni Uzman', password: 'uzman parolası 1' }, role: 'specialist' }),
  'users:update': () => ({ id: 999, displayName: 'Kimse' }),
  'users:resetPassword': () => ({ id: 999, password: 'yeni uzun parola' }),
  'users:setIdleMinutes': () => ({ minutes: 15 }),
  'users:accessLog': () => ({}),
  'users:revealLog': () => ({}),
  'users:revealLogXlsx': () => ({}),
};

export const usersReadInputs = {
  'users:session': () => ({}),
  'users:touch': () => ({}),
  'users:list': () => ({}),
  'users:accessLog': () => ({ limit: 10 }),
  'users:revealLog': () => ({}),
  'users:revealLogXlsx': () => ({}),
};
