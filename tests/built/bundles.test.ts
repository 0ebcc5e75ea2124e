import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUT } from '../support/build';

// Every file of the build parses as the runtime that loads it would parse it. A main bundle that declares
// `require` twice, for instance, stops Electron before it shows anything.

function files(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('built bundles', () => {
  const bundles = [...files(path.join(OUT, 'main'), /\.(m?js|cjs)$/), ...files(path.join(OUT, 'preload'), /\.cjs$/), ...files(path.join(OUT, 'renderer'), /\.js$/)];

  it('exist for main, preload and renderer', () => {
    for (const part of ['main', 'preload', 'renderer']) expect(bundles.some((file) => file.includes(`${path.sep}${part}${path.sep}`)), part).toBe(true);
  });

  it.each(bundles.map((file) => [path.relative(OUT, file), file]))('%s parses (node --check)', (_name, file) => {
    expect(() => execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' })).not.toThrow();
  });
});
