import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../electron/app/paths';

// The layer rule is the architecture's guard: prove it rejects each forbidden direction and accepts the
// allowed ones, so a config change that silently disables it fails here.

const eslint = new ESLint({ cwd: projectRoot() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries (eslint no-restricted-imports)', () => {
  it.each([
    ['shared/x.ts', "import { openDatabase } from '../db/open';\nexport const a = openDatabase;"],
    ['shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/contract/x.ts', "import { handlers } from '../../electron/handlers';\nexport const a = handlers;"],
    ['db/x.ts', "import { handlers } from '../electron/handlers';\nexport const a = handlers;"],
    ['electron/handlers/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/app/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/features/x.ts', "import { openDatabase } from '../../db/open';\nexport const a = openDatabase;"],
    ['renderer/lib/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/lib/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
  ])('%s may not %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['db/x.ts', "import { foldTurkish } from '../shared/turkish';\nexport const a = foldTurkish;"],
    ['electron/handlers/x.ts', "import { openDatabase } from '../../db/open';\nexport const a = openDatabase;"],
    ['electron/shell/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/lib/x.ts', "import { foldTurkish } from '../../shared/turkish';\nexport const a = foldTurkish;"],
  ])('%s may import what its layer allows', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
