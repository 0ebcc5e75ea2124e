import { AppError, type Channel } from '../../shared/contract';
import { meetingsContract } from '../../shared/contract/meetings';
import type { Handlers } from './types';

// SCAFFOLD: replaced by the real handlers.
type C = keyof typeof meetingsContract & Channel;
export const meetingsHandlers = Object.fromEntries(
  Object.keys(meetingsContract).map((name) => [name, () => { throw new AppError('INTERNAL', 'Henüz yapılmadı.'); }]),
) as unknown as Handlers<C>;
