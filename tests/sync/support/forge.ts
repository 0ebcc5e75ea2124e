import { unpackChanges } from '../../../db/sync/engine';
import { readExchange, readHeader, writeExchangeFile } from '../../../electron/sync/exchangeFile';
import { boxKeyPair, signingKey } from '../../../electron/sync/keys';
import { nextFile, type Node } from '../../support/nodes';
import { testDataKey } from '../../support/keyStore';

// What an enrolled installation that turned against the others can send: a genuine file of its own, taken
// apart, its lines changed, and written again by the project's own file writer, signed with its real key and
// encrypted for the real recipient. Only what the lines say is forged; everything the file format checks holds.

export interface ChangeLine {
  t: 'c';
  table: string;
  row: string;
  column: string;
  value: string;
  hlc: string;
  origin: string;
  seq: number;
  base: string | null;
}

export type Line = ChangeLine | ({ t: string } & Record<string, unknown>);

/** The lines of a file as the recipient decrypts them. */
export async function linesOf(file: string, recipient: Node): Promise<Line[]> {
  const { header, offset, size } = readHeader(file);
  const lines: Line[] = [];
  for await (const batch of readExchange(file, header, offset, size, boxKeyPair(recipient.dataDir, testDataKey(recipient.dataDir)).privateKey, { worker: false })) {
    for (const item of batch) {
      if (!Array.isArray(item)) {
        // The decoder hands a segment line over with the digest it computed: as written, it is the line alone.
        if (item.t === 'd') lines.push({ t: 's', origin: item.origin, first: item.first, last: item.last, signature: item.signature });
        else lines.push(item as Line);
        continue;
      }
      unpackChanges(item, (e) => lines.push({ t: 'c', ...e }));
    }
  }
  return lines;
}

export const isChange = (line: Line): line is ChangeLine => line.t === 'c';

/**
 * Writes `lines` as a file from `sender` to `recipient`, signed with the sender's enrolled key; the end line's
 * count is set to the changes it carries, so only what the changes say can be wrong.
 */
export async function forgeFile(sender: Node, recipient: Node, lines: Line[], label = 'forged'): Promise<string> {
  const changes = lines.filter(isChange).length;
  const fixed = lines.map((line) => (line.t === 'end' ? { ...line, changes } : line));
  const out = nextFile(`${sender.name}-${label}`);
  await writeExchangeFile(out, {
    header: { sender: sender.nodeId, recipient: recipient.nodeId, createdAt: new Date().toISOString(), senderKey: sender.ctx.identity!.publicKey } as never,
    recipientBoxKey: boxKeyPair(recipient.dataDir, testDataKey(recipient.dataDir)).publicKey,
    signingKey: signingKey(sender.dataDir, testDataKey(sender.dataDir)),
    lines: fixed,
  });
  return out;
}
