import { AppError, type Channel } from '../../shared/contract';
import { directoryContract } from '../../shared/contract/directory';
import type { Handlers } from './types';

// SCAFFOLD: replaced by the real handlers.
type C = keyof typeof directoryContract & Channel;
export const directoryHandlers = Object.fromEntries(
  Object.keys(directoryContract).map((name) => [name, () => { throw new AppError('INTERNAL', 'Henüz yapılmadı.'); }]),
) as unknown as Handlers<C>;
