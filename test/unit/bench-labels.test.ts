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
  const splits = [
    { passes: ['labels.passA.json', 'labels.passB.json'], merged: ['labels.dev.json', 'labels.heldout.json'] },
    { passes: ['labels.pools.passA.json', 'labels.pools.passB.json'], merged: ['labels.pools.json'] },
    { passes: ['labels.heldout3.passA.json', 'labels.heldout3.passB.json'], merged: ['labels.heldout3.json'] },
    { passes: ['labels.heldout4.passA.json', 'labels.heldout4.passB.json'], merged: ['labels.heldout4.json'] },
    { passes: ['labels.heldout5.passA.json', 'labels.heldout5.passB.json'], merged: ['labels.heldout5.json'] },
    { passes: ['labels.heldout6.passA.json', 'labels.heldout6.passB.json'], merged: ['labels.heldout6.json'] },
    { passes: ['labels.heldout7.passA.json', 'labels.heldout7.passB.json'], merged: ['labels.heldout7.json'] },
    { passes: ['labels.heldout8.passA.json', 'labels.heldout8.passB.json'], merged: ['labels.heldout8.json'] },
    { passes: ['labels.heldout9.passA.json', 'labels.heldout9.passB.json'], merged: ['labels.heldout9.json'] },
    { passes: ['labels.heldout10.passA.json', 'labels.heldout10.passB.json'], merged: ['labels.heldout10.json'] },
    { passes: ['labels.heldout11.passA.json', 'labels.heldout11.passB.json'], merged: ['labels.heldout11.json'] },
    { passes: ['labels.heldout12.passA.json', 'labels.heldout12.passB.json'], merged: ['labels.heldout12.json'] },
    { passes: ['labels.heldout13.passA.json', 'labels.heldout13.passB.json'], merged: ['labels.heldout13.json'] },
    { passes: ['labels.heldout14.passA.json', 'labels.heldout14.passB.json'], merged: ['labels.heldout14.json'] },
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
    for (const set of [
      'labels.heldout3.json',
      'labels.heldout4.json',
      'labels.heldout5.json',
      'labels.heldout6.json',
      'labels.heldout7.json',
      'labels.heldout8.json',
      'labels.heldout9.json',
      'labels.heldout10.json',
      'labels.heldout11.json',
      'labels.heldout12.json',
      'labels.heldout13.json',
      'labels.heldout14.json',
    ]) {
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
