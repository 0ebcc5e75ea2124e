import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and its missing parents, one level at a time, and stops at the first that fails.
 * `fs.mkdirSync(dir, { recursive: true })` retries forever on a file system that answers every mkdir with
 * ENOENT (procfs: `kopru init --data-dir /proc/x/y` never returned); this throws that error instead.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  while (!fs.existsSync(current)) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}
