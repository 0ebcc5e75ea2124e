import { AppError, type Channel } from '../../shared/contract';
import { reportsContract } from '../../shared/contract/reports';
import type { Handlers } from './types';

// SCAFFOLD: replaced by the real handlers.
type C = keyof typeof reportsContract & Channel;
export const reportsHandlers = Object.fromEntries(
  Object.keys(reportsContract).map((name) => [name, () => { throw new AppError('INTERNAL', 'Henüz yapılmadı.'); }]),
) as unknown as Handlers<C>;
