import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'otklik-score-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const cli = (...args: string[]) =>
  spawnSync(TSX, [path.join(ROOT, 'scripts/score.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

const profile = file(
  'p.json',
  JSON.stringify({
    desiredTitles: ['Python-разработчик'],
    skills: ['Python'],
    experience: 'between1And3',
    intent: 'extra keys are fine',
  }),
);
const v1 = { id: '1', name: 'Python developer', experience: { id: 'between1And3' } };
const v2 = { id: 2, name: 'Водитель', employer: { name: 'X' } };

describe('score CLI', () => {
  it('--help describes the profile keys and the input and output formats', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    for (const key of [
      'desiredTitles',
      'professionalRoles',
      'driverLicences',
      'languages',
      'VACANCIES.jsonl',
      'professional_roles',
      '"verdict"',
    ])
      expect(r.stdout).toContain(key);
  });
  it('takes hh role ids from professional_roles or professionalRoleIds and hides what the user cannot drive', () => {
    const driver = file(
      'driver.json',
      JSON.stringify({ desiredTitles: ['Водитель категории B'], driverLicences: ['B'], experience: 'between3And6' }),
    );
    const vs = [
      { id: 'a', name: 'Водитель-экспедитор', professional_roles: [{ id: '21', name: 'Водитель' }] },
      { id: 'b', name: 'Водитель категории C, E', experience: { id: 'between1And3' } },
      { id: 'c', name: 'Инструктор по вождению', professionalRoleIds: ['21'] },
    ];
    const r = cli('--profile', driver, '--vacancies', file('drv.jsonl', vs.map((v) => JSON.stringify(v)).join('\n')));
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; verdict: string; reasons: string[] });
    expect(out[0]?.verdict).toBe('show');
    expect(out[1]).toMatchObject({
      verdict: 'hide',
      reasons: expect.arrayContaining(['needs a driving licence C, E']) as unknown,
    });
    expect(out[2]?.reasons).toContain('your profession: Водитель');
  });
  it('prints one JSON line per vacancy, skipping empty lines', () => {
    const r = cli(
      '--profile',
      profile,
      '--vacancies',
      file('ok.jsonl', `${JSON.stringify(v1)}\n\n  \n${JSON.stringify(v2)}\n`),
    );
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; score: number; verdict: string; reasons: string[] });
    expect(lines.map((l) => l.id)).toEqual(['1', '2']);
    expect(lines[0]?.verdict).toBe('show');
    expect(lines[1]?.verdict).toBe('hide');
    expect(lines[0]?.reasons).toContain("title matches 'Python-разработчик'");
    expect(typeof lines[0]?.score).toBe('number');
  });
  it.each([
    [
      'an invalid JSON line',
      () => ['--profile', profile, '--vacancies', file('bad.jsonl', `${JSON.stringify(v1)}\n{"id": 3,\n`)],
      /bad\.jsonl:2: invalid JSON/,
    ],
    [
      'a vacancy without id',
      () => ['--profile', profile, '--vacancies', file('noid.jsonl', `${JSON.stringify(v1)}\n{"name":"x"}\n`)],
      /noid\.jsonl:2: .*missing "id"/,
    ],
    [
      'an unreadable vacancies file',
      () => ['--profile', profile, '--vacancies', path.join(dir, 'nope.jsonl')],
      /nope\.jsonl: cannot read: ENOENT/,
    ],
    [
      'an invalid profile',
      () => [
        '--profile',
        file('badp.json', '{"desiredTitles": "Python"}'),
        '--vacancies',
        file('v.jsonl', JSON.stringify(v1)),
      ],
      /badp\.json: invalid profile: 'desiredTitles' must be an array of strings, got string "Python"/,
    ],
    [
      'a misspelt profile key',
      () => [
        '--profile',
        file('typo.json', '{"skils": ["Python"]}'),
        '--vacancies',
        file('v3.jsonl', JSON.stringify(v1)),
      ],
      /typo\.json: invalid profile: unknown key 'skils' \(did you mean 'skills'\?\)/,
    ],
    [
      'a wrong experience id',
      () => [
        '--profile',
        file('exp.json', '{"experience": "5 years"}'),
        '--vacancies',
        file('v4.jsonl', JSON.stringify(v1)),
      ],
      /'experience' must be one of noExperience, between1And3, between3And6, moreThan6 or null, got string "5 years"/,
    ],
    [
      'a wrong language level',
      () => [
        '--profile',
        file('lang.json', '{"languages": [{"code": "eng", "level": "fluent"}]}'),
        '--vacancies',
        file('v5.jsonl', JSON.stringify(v1)),
      ],
      /'languages\.0\.level' is string "fluent": 'languages' must be an array of/,
    ],
    [
      'a vacancy field of the wrong type',
      () => [
        '--profile',
        profile,
        '--vacancies',
        file('wrongtype.jsonl', `${JSON.stringify(v1)}\n{"id": "3", "name": 5}\n`),
      ],
      /wrongtype\.jsonl:2: field 'name' must be a string, got number 5/,
    ],
    [
      'a vacancy that is not an object',
      () => ['--profile', profile, '--vacancies', file('arr.jsonl', '[1, 2]\n')],
      /arr\.jsonl:1: a vacancy must be a JSON object, got an array/,
    ],
    [
      'a profile that is not JSON',
      () => [
        '--profile',
        file('notjson.json', 'desiredTitles: x'),
        '--vacancies',
        file('v2.jsonl', JSON.stringify(v1)),
      ],
      /notjson\.json: invalid JSON/,
    ],
    ['missing arguments', () => ['--profile', profile], /usage/],
  ])('rejects %s: exit 2, message on stderr, nothing on stdout', (_name, args, message) => {
    const r = cli(...args());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
