import { AppError, type Channel } from '../../shared/contract';
import { workshopsContract } from '../../shared/contract/workshops';
import type { Handlers } from './types';

// SCAFFOLD: replaced by the real handlers.
type C = keyof typeof workshopsContract & Channel;
export const workshopsHandlers = Object.fromEntries(
  Object.keys(workshopsContract).map((name) => [name, () => { throw new AppError('INTERNAL', 'Henüz yapılmadı.'); }]),
) as unknown as Handlers<C>;
