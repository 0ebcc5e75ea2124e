import type { z } from 'zod';
import {
  AppError,
  contract,
  fieldIssue,
  isChannel,
  msg,
  renderMsg,
  type Msg,
  type Channel,
  type ChannelDef,
  type Envelope,
  type FieldIssue,
  type UserLevel,
  userLevelOf,
} from '../../shared/contract';
import { roleAtLeast, USER_ROLE_NAMES, type UserRole } from '../../shared/contract/users';
import { labelFor, zodFieldIssue } from '../../shared/contract/messages';
import { handlers } from '../handlers';
import type { AppContext } from './context';
import { formatError, redact } from './log';

// The one entry point every transport calls: channel known → input parses → role allowed → handler (as a job
// for long work) → output parses. Never throws; always returns an envelope. Synced writes happen inside
// handler transactions, so an error at any step leaves nothing half-written.

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** How many field problems an answer lists at most: 100,000 bad array items must not make a 30 MB answer. */
export const MAX_ISSUES = 20;

function fail(code: AppError['code'], message?: Msg, issues?: FieldIssue[]): Envelope<never> {
  return { ok: false, error: new AppError(code, message, issues).toBody() };
}

export function toFieldIssues(schema: z.ZodType, error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => zodFieldIssue(schema, issue));
}

/** "Girilen bilgiler geçersiz. Label: message …", the first five named; the renderer composes its own. */
function validationMessage(issues: FieldIssue[], total: number): Msg {
  const named = issues.slice(0, 5).map((i) => `${i.label ?? (i.path || 'Girdi')}: ${i.message}`);
  const list = named.join(' ');
  return total > named.length ? msg('validation.listMore', { list, more: total - named.length }) : msg('validation.list', { list });
}

/**
 * The input as the contract means it: a key whose value is `undefined` is absent. Electron's structured clone
 * keeps such keys where JSON drops them, and an `undefined` that reached a handler as "given" would be written
 * as NULL over a stored value.
 */
export function withoutUndefined(value: unknown, depth = 0): unknown {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutUndefined(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = withoutUndefined(item, depth + 1);
  return out;
}

/**
 * The most items any array of any input may hold. The largest real one is an attendance list (500); a
 * 100,000-item array is refused at once, by its size, instead of being checked item by item (which took
 * seconds, built megabytes of issues, and overflowed the stack in zod at a few hundred thousand).
 */
export const MAX_ARRAY_ITEMS = 5_000;

/** The first array in the input longer than MAX_ARRAY_ITEMS, by its path. */
export function oversizedArray(value: unknown, path: (string | number)[] = [], depth = 0): { path: string; length: number } | null {
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_ITEMS) return { path: path.join('.'), length: value.length };
    for (let i = 0; i < value.length; i++) {
      const found = oversizedArray(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = oversizedArray(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Parses a channel's input; bad input of any shape or size is a VALIDATION answer, never an exception. */
export function parseInput(def: ChannelDef, rawInput: unknown): { ok: true; data: unknown } | { ok: false; envelope: Envelope<never> } {
  const input = withoutUndefined(rawInput ?? {});
  const oversized = oversizedArray(input);
  if (oversized) {
    const label = labelFor(def.input, oversized.path.split('.').filter(Boolean));
    const message = msg('validation.tooManyItems', { count: oversized.length, max: MAX_ARRAY_ITEMS });
    const issue = fieldIssue({ path: oversized.path, ...(label ? { label } : {}), message });
    return { ok: false, envelope: fail('VALIDATION', validationMessage([issue], 1), [issue]) };
  }
  let parsed: ReturnType<typeof def.input.safeParse>;
  try {
    parsed = def.input.safeParse(input);
  } catch {
    return { ok: false, envelope: fail('VALIDATION', msg('validation.unreadable')) };
  }
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = toFieldIssues(def.input, parsed.error);
  return { ok: false, envelope: fail('VALIDATION', validationMessage(issues, parsed.error.issues.length), issues) };
}

/** SQLite's way of saying the file itself is damaged, from any statement. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

export const DAMAGED: Msg = msg('dispatch.damaged');
export const DAMAGED_MESSAGE = renderMsg(DAMAGED);

/** To the backend's log (the app's log file), or to stderr where there is none (bare tests). Redacted. */
function report(ctx: AppContext, event: string, details: Record<string, string>): void {
  if (ctx.log) ctx.log('error', event, details);
  else console.error(`[kopru] ${event} ${Object.entries(details).map(([k, v]) => `${k}=${redact(v)}`).join(' ')}`);
}

function checkAccess(channel: Channel, def: ChannelDef, ctx: AppContext): Envelope<never> | null {
  if (def.access !== 'setup') {
    if (!ctx.db) return (ctx.dbError ? { ok: false, error: new AppError('DB_UNAVAILABLE', ctx.dbError.reason).toBody() } : fail('DB_UNAVAILABLE'));
    if (!ctx.identity) return fail('NOT_INITIALISED');
    if (def.access !== 'anyone' && !def.access.includes(ctx.identity.role)) return fail('FORBIDDEN');
  }
  return checkUser(channel, def, ctx);
}

/**
 * The user's role, checked as the unit's is (issue #16). A setup channel on a database that cannot be read
 * (restoring a backup over a damaged file) has no accounts to check: the error screen's way out stays open.
 */
function checkUser(channel: Channel, def: ChannelDef, ctx: AppContext): Envelope<never> | null {
  const level = userLevelOf(def);
  if (level === 'none') return null;
  const damaged = ctx.runtime?.health() === 'damaged';
  if (def.access === 'setup' && (!ctx.db || !ctx.identity || damaged)) return null;
  // A damaged file is the news, not the sign-in: nobody can sign in to it anyway.
  if (damaged) return fail('DB_UNAVAILABLE', DAMAGED);
  const user = ctx.session.current();
  if (!user) return fail('SIGNED_OUT');
  if (!roleAtLeast(user.role, level)) return fail('FORBIDDEN', forbiddenMessage(channel, level, user.role));
  if (def.writes !== 'none') ctx.session.touch();
  return null;
}

const ROLE_NAMES_EN: Record<UserRole, string> = { admin: 'administrator', specialist: 'specialist', viewer: 'viewer' };

function forbiddenMessage(channel: Channel, level: UserLevel, role: UserRole): Msg {
  if (channel === 'registry:revealTc') return msg('dispatch.revealTcRole', { role: USER_ROLE_NAMES[role], roleEn: ROLE_NAMES_EN[role] });
  if (level === 'admin') return msg('dispatch.adminOnly');
  return msg('dispatch.readOnlyRole', { role: USER_ROLE_NAMES[role], roleEn: ROLE_NAMES_EN[role] });
}

export function createDispatcher(ctx: AppContext): Invoke {
  return async (channelName, rawInput) => {
    if (!isChannel(channelName)) return fail('UNKNOWN_CHANNEL', msg('dispatch.unknownChannel', { channel: String(channelName).slice(0, 80) }));
    const channel: Channel = channelName;
    const def = contract[channel] as ChannelDef;
    const parsed = parseInput(def, rawInput);
    if (!parsed.ok) return parsed.envelope;
    const denied = checkAccess(channel, def, ctx);
    if (denied) return denied;
    try {
      const handler = handlers[channel] as (input: unknown, ctx: AppContext) => unknown;
      const value = def.job ? await ctx.jobs.run(def.job, ctx.now(), () => handler(parsed.data, ctx)) : await handler(parsed.data, ctx);
      const output = def.output.safeParse(value);
      if (!output.success) {
        const where = output.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}:${i.code}`).join(' ');
        report(ctx, 'dispatch.bad-output', { channel, issues: where });
        return fail('INTERNAL');
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: error.toBody() };
      }
      if (isDamageError(error)) {
        ctx.onDamage?.(error);
        return fail('DB_UNAVAILABLE', DAMAGED);
      }
      // Log the kind of failure, never the input: it may hold personal data.
      report(ctx, 'dispatch.failed', { channel, error: formatError(error) });
      return fail('INTERNAL');
    }
  };
}
