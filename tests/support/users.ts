// The administrator every test installation is set up with (issue #16: a first run creates one), and the
// accounts tests add. Passwords are long enough for the rules (10 characters or more).

export const TEST_ADMIN = { username: 'yonetici', displayName: 'Deniz Yönetici', password: 'köprü test parolası' } as const;
export const TEST_SPECIALIST = { username: 'ayse.uzman', displayName: 'Ayşe Uzman', password: 'uzman parolası 2026' } as const;
export const TEST_VIEWER = { username: 'mehmet.izleyici', displayName: 'Mehmet İzleyici', password: 'izleyici parolası 26' } as const;
