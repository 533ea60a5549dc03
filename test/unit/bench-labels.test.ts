import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The benchmark's label files are what test/bench/data/merge_labels.py makes of the two independent passes: where
 * the passes agree that is the label, any disagreement is 1 (borderline). Every labelled persona is defined.
 */
const DIR = path.join(__dirname, '../bench/data');
type Labels = Record<string, Record<string, number>>;
const read = <T>(f: string): T => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as T;

const merge = (a: Labels, b: Labels): Labels =>
  Object.fromEntries(
    Object.keys(a).map((pid) => [
      pid,
      Object.fromEntries(Object.entries(a[pid]!).map(([vid, x]) => [vid, x === b[pid]?.[vid] ? x : 1])),
    ]),
  );

describe('benchmark labels', () => {
  const personaIds = new Set(
    [...read<{ id: string }[]>('personas.json'), ...read<{ id: string }[]>('personas.heldout.json')].map((p) => p.id),
  );
  /** The held-out sets of our own, in the order they were made (each is checked against all before it). */
  const heldOut = Array.from({ length: 14 }, (_, i) => `heldout${i + 3}`);
  const splits = [
    { passes: ['labels.passA.json', 'labels.passB.json'], merged: ['labels.dev.json', 'labels.heldout.json'] },
    { passes: ['labels.pools.passA.json', 'labels.pools.passB.json'], merged: ['labels.pools.json'] },
    ...heldOut.map((h) => ({
      passes: [`labels.${h}.passA.json`, `labels.${h}.passB.json`],
      merged: [`labels.${h}.json`],
    })),
  ];
  for (const s of splits) {
    it(`${s.merged.join(' + ')} merge ${s.passes.join(' and ')} by the rule`, () => {
      const [a, b] = s.passes.map((f) => read<Labels>(f)) as [Labels, Labels];
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const pid of Object.keys(a)) expect(Object.keys(b[pid]!).sort()).toEqual(Object.keys(a[pid]!).sort());
      const merged: Labels = Object.assign({}, ...s.merged.map((f) => read<Labels>(f)));
      expect(merged).toEqual(merge(a, b));
      for (const pid of Object.keys(merged)) expect(personaIds.has(pid), pid).toBe(true);
      for (const l of Object.values(merged)) for (const x of Object.values(l)) expect([0, 1, 2]).toContain(x);
    });
  }
  it('held-out sets 3 to 14 never repeat a vacancy labelled for an earlier split', () => {
    const earlier = ['labels.dev.json', 'labels.heldout.json', 'labels.pools.json'];
    for (const set of heldOut.map((h) => `labels.${h}.json`)) {
      const before = new Set(earlier.flatMap((f) => Object.values(read<Labels>(f)).flatMap(Object.keys)));
      for (const l of Object.values(read<Labels>(set)))
        for (const vid of Object.keys(l)) expect(before.has(vid), `${set}: ${vid}`).toBe(false);
      earlier.push(set);
    }
  });
  it('the big pools never repeat a vacancy of the dev or held-out pools of any persona', () => {
    const before = new Set(
      ['labels.dev.json', 'labels.heldout.json'].flatMap((f) => Object.values(read<Labels>(f)).flatMap(Object.keys)),
    );
    for (const l of Object.values(read<Labels>('labels.pools.json')))
      for (const vid of Object.keys(l)) expect(before.has(vid), vid).toBe(false);
  });
});
