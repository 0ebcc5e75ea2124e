import fs from 'node:fs';

// A separate process that opens an installation the way the app does and writes one exchange file with the
// service behind `sync:export`, announcing `opened`, `exporting` and `done <bytes>` on stdout (writeSync, so
// whatever it announced before a kill reaches the parent).

const started = performance.now();
const say = (text: string) => fs.writeSync(1, `${(performance.now() - started).toFixed(1)} ${text}\n`);
const [dataDir, peerNode, out] = process.argv.slice(2);
if (!dataDir || !peerNode || !out) {
  say('usage: exportChild <dataDir> <peerNodeId> <outFile>');
  process.exit(2);
}
const { createAppContext } = await import('../../../electron/app/context');
const { testDataKey } = await import('../../support/keyStore');
const { exportTo } = await import('../../../electron/sync/service');
const { sourceMigrationsDir } = await import('../../../electron/app/paths');
const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: 'test', dataKey: testDataKey(dataDir) });
say('opened');
say('exporting');
const result = await exportTo(ctx, peerNode, out);
say(`done ${result.bytes}`);
ctx.close();
