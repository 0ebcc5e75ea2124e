import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { AppContext } from '../app/context';

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  ctx: AppContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers<K extends Channel> = { [C in K]: Handler<C> };
