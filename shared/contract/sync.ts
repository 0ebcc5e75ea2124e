import { z } from 'zod';
import { ROLES, channel, filePath, keyedTextSchema, whenMissing } from './core';
import { REFUSAL_CODES } from '../sync/reasons';
import { VERDICT_CODES, VERDICT_KINDS, type VerdictCode } from '../registry/workflow';

// File exchange between installations: enrolment, export, import (with a dry run), conflicts, ledger.
// File locations are paths on this machine, chosen by the person (save/open dialogs in the app).

const fingerprint = z.string().trim().min(8, { message: 'Parmak izini yazın.' }).max(80).describe('Parmak izi');

const peerSchema = z.object({
  nodeId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(ROLES),
  fingerprint: z.string(),
  enrolledAt: z.string(),
  lastSentAt: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
  pendingChanges: z.number().int(),
  /** Set when this installation revoked the peer's key: its changes after this seq are refused. */
  revokedAfterSeq: z.number().int().nullable(),
});

const cardSchema = z.object({
  nodeId: z.string(),
  unitId: z.string(),
  role: z.enum(ROLES),
  unitName: z.string(),
  provincePlate: z.string().nullable(),
  fingerprint: z.string(),
});

const tableCounts = z.object({ new: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number(), held: z.number() });

const importResultSchema = z.object({
  file: z.string(),
  sender: z.object({ nodeId: z.string(), unitName: z.string(), fingerprint: z.string() }),
  createdAt: z.string(),
  dryRun: z.boolean(),
  applied: z.boolean(),
  stale: z.boolean(),
  nothingNew: z.boolean(),
  blobs: z.number().int(),
  warnings: z.array(keyedTextSchema),
  report: z.object({
    received: z.number().int(),
    alreadyHeld: z.number().int(),
    stored: z.number().int(),
    tables: z.record(z.string(), tableCounts),
    conflicts: z.number().int(),
    /**
     * The first 50 refusals. `reason` is Turkish and names units by name; `code` and `params` (unit ids, with
     * `<param>Name` beside a youth centre's) let the screens word it in the interface language; a refused
     * workflow step (db/registry/specs.ts) carries its `verdict` instead.
     */
    rejected: z.array(
      z.object({
        table: z.string(), row: z.string(), column: z.string(), origin: z.string(), reason: z.string(),
        code: z.enum(REFUSAL_CODES).optional(), params: z.record(z.string(), z.string()).optional(),
        verdict: z
          .object({
            kind: z.enum(VERDICT_KINDS),
            code: z.enum(VERDICT_CODES as [VerdictCode, ...VerdictCode[]]),
            params: z.object({ author: z.string(), needed: z.string(), expected: z.string(), current: z.string(), workflow: z.enum(['REGISTRATION', 'TRANSFER', 'VISA']) }).partial(),
          })
          .optional(),
      }),
    ),
    gaps: z.array(z.object({ origin: z.string(), expected: z.number(), got: z.number() })),
    examples: z.record(z.string(), z.array(z.string())),
    maxRemoteMillis: z.number(),
    withheld: z.array(z.object({ origin: z.string(), count: z.number().int(), reason: z.enum(['unknown', 'revoked']) })),
    quarantined: z.array(z.object({ origin: z.string(), firstSeq: z.number().int(), maxHlc: z.string(), count: z.number().int() })),
    /** Rows removed because they left this installation's scope, per table (with a destruction record each). */
    removed: z.record(z.string(), z.number().int()).optional(),
  }),
});
export type ImportResult = z.infer<typeof importResultSchema>;

const conflictSchema = z.object({
  id: z.number().int(),
  tableName: z.string(),
  rowId: z.string(),
  column: z.string(),
  localValue: z.unknown(),
  localHlc: z.string(),
  localOrigin: z.string(),
  localUnit: z.string().nullable(),
  /** The user of this installation who wrote the local value (issue #16); null for a value received in a file. */
  localUser: z.string().nullable(),
  remoteValue: z.unknown(),
  remoteHlc: z.string(),
  remoteOrigin: z.string(),
  remoteUnit: z.string().nullable(),
  /** Which value currently stands (last writer wins). */
  winner: z.enum(['local', 'remote']),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** Who resolved it here. */
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  canResolve: z.boolean(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const syncContract = {
  'sync:status': channel({
    summary: "This installation's exchange identity (node id, signing-key fingerprint), peers and open conflicts.",
    input: z.object({}).strict(),
    output: z.object({ nodeId: z.string(), fingerprint: z.string(), peers: z.array(peerSchema), openConflicts: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:introduce': channel({
    summary: 'Writes the introduction file (node id, unit, public keys) for the parent installation to enrol this one.',
    input: z.object({ path: filePath }).strict(),
    output: z.object({ file: z.string(), fingerprint: z.string() }),
    access: 'anyone',
    writes: 'local',
  }),
  'sync:readIntroduction': channel({
    summary: 'Shows who an introduction file is from and its fingerprint, to compare before enrolling.',
    input: z.object({ path: filePath }).strict(),
    output: cardSchema,
    access: ['province', 'ministry'],
    writes: 'none',
  }),
  'sync:enroll': channel({
    summary:
      "Enrols a child installation from its introduction after the fingerprint was compared; then export a welcome file to it. " +
      "A youth centre's installation is bound to a centre of the province's list: the one given, else the one of its name in its district (created if missing).",
    input: z.object({ path: filePath, fingerprint, youthCentreId: z.string().min(1).optional().describe('Gençlik merkezi') }).strict(),
    output: cardSchema.extend({ centreId: z.string().nullable() }),
    access: ['province', 'ministry'],
    user: 'admin',
    writes: 'synced',
  }),
  'sync:inspect': channel({
    summary: 'Reads an exchange file\'s header: sender, recipient, date, fingerprint, whether the sender is enrolled.',
    input: z.object({ path: filePath }).strict(),
    output: z.object({ sender: z.string(), recipient: z.string(), createdAt: z.string(), forThisInstallation: z.boolean(), senderEnrolled: z.boolean(), senderName: z.string().nullable(), fingerprint: z.string().nullable(), welcome: z.boolean() }),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:progress': channel({
    summary: 'How far the exchange file being written or read has got, for the screen to poll while it works; null when none is.',
    input: z.object({}).strict(),
    output: z
      .object({ operation: z.enum(['export', 'import']), phase: z.enum(['verify', 'read', 'apply', 'write']), done: z.number().int(), total: z.number().int() })
      .nullable(),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:export': channel({
    summary: 'Creates an exchange file for a peer with every change it is not known to have (or a full snapshot).',
    input: z.object({ peerNode: z.string().min(1).describe('Eş kurulum'), path: filePath, snapshot: z.boolean().default(false), welcome: z.boolean().default(false) }).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string(), changes: z.number().int(), blobs: z.number().int(), tables: z.record(z.string(), z.number().int()) }),
    access: 'anyone',
    writes: 'local',
    job: 'exchange-export',
  }),
  'sync:import': channel({
    summary: 'Verifies an exchange file and applies it atomically, or previews what it would do (dryRun). A welcome file needs the sender fingerprint.',
    input: z.object({ path: filePath, dryRun: z.boolean().default(false), welcomeFingerprint: fingerprint.optional() }).strict(),
    output: importResultSchema,
    access: 'anyone',
    writes: 'received',
    job: 'exchange-import',
  }),
  'sync:conflicts': channel({
    summary: 'The conflict inbox: same-field concurrent edits with both values, who and when.',
    input: z.object({ includeResolved: z.boolean().default(false) }).strict(),
    output: z.array(conflictSchema),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:resolveConflict': channel({
    summary: 'Keeps one value of a conflict; the choice is recorded as a new change that travels like any other.',
    input: z.object({ id: z.number().int(), keep: z.enum(['local', 'remote']).describe('Tutulacak değer') }).strict(),
    output: conflictSchema,
    access: 'anyone',
    writes: 'synced',
  }),
  'sync:revoke': channel({
    summary:
      "Revokes an enrolled child installation's key (lost or stolen computer): its changes numbered after those held here are refused everywhere the revocation travels. The unit enrols again with a new installation.",
    input: z.object({ peerNode: z.string().min(1).describe('Eş kurulum') }).strict(),
    output: z.object({ nodeId: z.string(), unitName: z.string(), revokedAfterSeq: z.number().int() }),
    access: ['ministry', 'province'],
    user: 'admin',
    writes: 'synced',
  }),
  'sync:clockBound': channel({
    summary: 'How far ahead of this clock a received change may be stamped before it is held back (reference data).',
    input: z.object({}).strict(),
    output: z.object({ maxAheadHours: z.number(), updatedAt: z.string().nullable() }),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:setClockBound': channel({
    summary: 'The ministry sets that bound for every installation (it travels as reference data).',
    input: z
      .object({ maxAheadHours: z.number(whenMissing('Saat olarak bir sayı yazın.')).int({ message: 'Tam saat yazın.' }).min(1, { message: 'En az 1 saat olmalı.' }).max(24 * 31, { message: 'En çok 31 gün (744 saat) olabilir.' }).describe('İleri saat sınırı') })
      .strict(),
    output: z.object({ maxAheadHours: z.number(), updatedAt: z.string().nullable() }),
    access: ['ministry'],
    user: 'admin',
    writes: 'synced',
  }),
  'sync:quarantine': channel({
    summary: 'Changes held back because their stamps ran implausibly far ahead of this clock, per installation.',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id: z.number().int(), originNode: z.string(), unitName: z.string(), firstSeq: z.number().int(), maxHlc: z.string(), aheadMinutes: z.number().int(),
        fileName: z.string(), detectedAt: z.string(), acceptedAt: z.string().nullable(),
        /** The installation as the screens word it: `unitName` (Turkish) with the key of "this installation" / "unknown installation …". */
        unit: keyedTextSchema,
      }),
    ),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:acceptQuarantine': channel({
    summary: "A person accepts held-back changes' stamps (after checking the sender's clock); the file is then imported again.",
    input: z.object({ id: z.number().int().describe('Bekletilen kayıt') }).strict(),
    output: z.object({ id: z.number().int(), acceptedAt: z.string() }),
    access: 'anyone',
    user: 'admin',
    writes: 'local',
  }),
  'sync:ledger': channel({
    summary: 'Every exchange file written or read by this installation, with what it did; a file sent, when its peer applied it (its receipt).',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(
      z.object({
        id: z.number().int(), direction: z.string(), peerNode: z.string().nullable(), peerName: z.string().nullable(), fileName: z.string(), fileSha256: z.string().nullable(),
        at: z.string(), outcome: z.string(), summary: z.record(z.string(), z.unknown()),
        /** The file's number for its recipient, counted by its sender. */
        exportNo: z.number().int().nullable(),
        /** A file sent: when the peer applied it, as the receipt in its next file said (null: no receipt yet). */
        receivedAt: z.string().nullable(),
      }),
    ),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:custody': channel({
    summary:
      'The chain of custody: files sent and not acknowledged after the set number of days, peers no file has come from in as long, and received rows waiting for their parent row.',
    input: z.object({}).strict(),
    output: z.object({
      days: z.number().int(),
      unacknowledged: z.array(
        z.object({
          ledgerId: z.number().int(), peerNode: z.string(), peerName: z.string(), peerRevoked: z.boolean(), fileName: z.string(), sentAt: z.string(),
          exportNo: z.number().int().nullable(), days: z.number().int(),
        }),
      ),
      silent: z.array(
        z.object({
          peerNode: z.string(), peerName: z.string(), role: z.enum(ROLES), lastReceivedAt: z.string().nullable(), enrolledAt: z.string(), lastSentAt: z.string().nullable(),
          days: z.number().int(),
        }),
      ),
      /** Per table and parent table; `parentIds`: the first few parent rows waited for (not held here). */
      waiting: z.array(
        z.object({
          table: z.string(), rows: z.number().int(), parentTable: z.string(), parents: z.number().int(), parentIds: z.array(z.string()), since: z.string(),
          days: z.number().int(),
        }),
      ),
    }),
    access: 'anyone',
    writes: 'none',
  }),
  'sync:setCustodyDays': channel({
    summary: 'After how many days a file without a receipt, or a peer without a file, is listed (a preference of this machine).',
    input: z
      .object({ days: z.number(whenMissing('Gün olarak bir sayı yazın.')).int({ message: 'Tam gün yazın.' }).min(1, { message: 'En az 1 gün olmalı.' }).max(365, { message: 'En çok 365 gün olabilir.' }).describe('Gün sayısı') })
      .strict(),
    output: z.object({ days: z.number().int() }),
    access: 'anyone',
    user: 'admin',
    writes: 'local',
  }),
};
