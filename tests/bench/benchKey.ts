import crypto from 'node:crypto';

/** The data key of the installations a benchmark builds and reopens in its own process (db/cipher.ts). */
export const BENCH_KEY = crypto.randomBytes(32);
