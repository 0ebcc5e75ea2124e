import { afterAll, describe, expect, it } from 'vitest';
import { FINGERPRINT_DIGITS, foreignCharacters, normaliseFingerprint } from '../../shared/sync/fingerprint';
import { cleanupFiles, createNode, nextFile, type Node } from '../support/nodes';

// A fingerprint read out over the phone and typed (issue #17): the letter O for zero and I or L for one are what
// people type for what they heard; any other letter is named back, never dropped silently.

describe('typing a fingerprint', () => {
  it('ignores spaces, dashes and case, and reads O as 0 and I, ı, İ, L as 1', () => {
    expect(normaliseFingerprint('ab12 cd34-EF56')).toBe('AB12CD34EF56');
    expect(normaliseFingerprint('1O2o 3I4i 5ı6İ 7L8l')).toBe('1020314151617181');
    expect(foreignCharacters('1O2o 3I4i 5ı6İ 7L8l AB-cd')).toEqual([]);
  });

  it('names the characters that can be no part of it', () => {
    expect(foreignCharacters('12G4 Z6x8 GGGG')).toEqual(['G', 'Z', 'x']);
    expect(foreignCharacters('ŞÇ12')).toEqual(['Ş', 'Ç']);
  });
});

const nodes: Node[] = [];
afterAll(() => {
  for (const n of nodes) n.close();
  cleanupFiles();
});

describe('enrolling with a fingerprint typed as heard', () => {
  it('a province enrols its youth centre when the clerk typed O for every 0; a wrong digit is still refused', async () => {
    const province = await createNode('ankara', 'province', '06');
    const centre = await createNode('cankaya-gm', 'youth-center', '06');
    nodes.push(province, centre);
    const intro = nextFile('intro-cankaya', 'json');
    const { fingerprint } = await centre.ok<{ fingerprint: string }>('sync:introduce', { path: intro });
    expect(normaliseFingerprint(fingerprint)).toHaveLength(FINGERPRINT_DIGITS);
    // One digit changed: refused, whatever the spelling.
    const wrong = fingerprint.replace(/[0-9A-F]/, (d) => (d === '1' ? '2' : '1'));
    const refused = await province.invoke('sync:enroll', { path: intro, fingerprint: wrong });
    expect(refused.ok).toBe(false);
    // Every 0 typed as the letter O and every 1 as l (32 hex digits hold one of them all but about once in 70).
    const asHeard = fingerprint.toLowerCase().replace(/0/g, 'O').replace(/1/g, 'l');
    await province.ok('sync:enroll', { path: intro, fingerprint: asHeard });
  });
});
