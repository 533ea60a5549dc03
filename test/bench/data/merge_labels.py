#!/usr/bin/env python3
"""Merges two independent labelling passes into one label file (the rule of README.md: where the passes agree that
is the label; any disagreement is 1, borderline) and prints the agreement per persona.
  python3 test/bench/data/merge_labels.py labels.pools.passA.json labels.pools.passB.json > labels.pools.json
(paths relative to this folder or absolute)."""
import collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(p):
    return json.load(open(p if os.path.isabs(p) else os.path.join(HERE, p)))


def main(a_path, b_path):
    a, b = load(a_path), load(b_path)
    if set(a) != set(b):
        sys.exit(f'the passes cover different personas: {sorted(set(a) ^ set(b))}')
    out, n, agree, opposite = {}, 0, 0, 0
    for pid in sorted(a):
        if set(a[pid]) != set(b[pid]):
            sys.exit(f'{pid}: the passes cover different vacancies: {sorted(set(a[pid]) ^ set(b[pid]))[:5]}')
        out[pid] = {}
        same = 0
        for vid, x in a[pid].items():
            y = b[pid][vid]
            if x not in (0, 1, 2) or y not in (0, 1, 2):
                sys.exit(f'{pid}/{vid}: a label is not 0, 1 or 2')
            n += 1
            if x == y:
                agree += 1
                same += 1
            opposite += abs(x - y) == 2
            out[pid][vid] = x if x == y else 1
        c = collections.Counter(out[pid].values())
        print(f'{pid:24} agree {same:3}/{len(a[pid]):3}  0:{c[0]:3} 1:{c[1]:3} 2:{c[2]:3}', file=sys.stderr)
    print(f'{n} items, exact agreement {agree / n:.3f}, opposite (0 vs 2) {opposite}', file=sys.stderr)
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
