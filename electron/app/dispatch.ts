import type { z } from 'zod';
import {
  AppError,
  contract,
  DEFAULT_MESSAGES,
  isChannel,
  type Channel,
  type ChannelDef,
  type Envelope,
  type FieldIssue,
} from '../../shared/contract';
import { labelFor } from '../../shared/contract/messages';
import { handlers } from '../handlers';
import type { AppContext } from './context';

// The one entry point every transport calls: channel known → input parses → role allowed → handler →
// output parses. Never throws; always returns an envelope. Synced writes happen inside handler
// transactions, so an error at any step leaves nothing half-written.

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

function fail(code: AppError['code'], message?: string, issues?: FieldIssue[]): Envelope<never> {
  return { ok: false, error: { code, message: message ?? DEFAULT_MESSAGES[code], ...(issues ? { issues } : {}) } };
}

export function toFieldIssues(schema: z.ZodType, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const label = labelFor(schema, issue.path);
    return { path: issue.path.join('.'), ...(label ? { label } : {}), message: issue.message };
  });
}

function validationMessage(issues: FieldIssue[]): string {
  const named = issues.map((i) => `${i.label ?? (i.path || 'Girdi')}: ${i.message}`);
  return `Girilen bilgiler geçersiz. ${named.join(' ')}`;
}

function checkAccess(def: ChannelDef, ctx: AppContext): Envelope<never> | null {
  if (def.access === 'setup') return null;
  if (!ctx.db) return fail('DB_UNAVAILABLE', ctx.dbError?.message);
  if (!ctx.identity) return fail('NOT_INITIALISED');
  if (def.access === 'anyone') return null;
  if (!def.access.includes(ctx.identity.role)) return fail('FORBIDDEN');
  return null;
}

export function createDispatcher(ctx: AppContext): Invoke {
  return async (channelName, rawInput) => {
    if (!isChannel(channelName)) return fail('UNKNOWN_CHANNEL', `Bilinmeyen işlem: ${String(channelName).slice(0, 80)}`);
    const channel: Channel = channelName;
    const def = contract[channel] as ChannelDef;
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toFieldIssues(def.input, parsed.error);
      return fail('VALIDATION', validationMessage(issues), issues);
    }
    const denied = checkAccess(def, ctx);
    if (denied) return denied;
    try {
      const handler = handlers[channel] as (input: unknown, ctx: AppContext) => unknown;
      const value = await handler(parsed.data, ctx);
      const output = def.output.safeParse(value);
      if (!output.success) {
        console.error(`[kopru] ${channel}: output does not match the contract`, output.error.issues.slice(0, 3));
        return fail('INTERNAL');
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) {
        return fail(error.code, error.message, error.issues);
      }
      // Log the kind of failure, never the input: it may hold personal data.
      console.error(`[kopru] ${channel} failed:`, error instanceof Error ? error.name + ': ' + error.message : 'unknown');
      return fail('INTERNAL');
    }
  };
}
