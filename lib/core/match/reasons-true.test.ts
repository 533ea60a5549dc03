import { describe, expect, it } from 'vitest';
import { benchVacancy, loadCorpus, loadSets, personaProfile } from '../../../test/bench/relevance';
import { describeWithShared, hasSharedFile } from '../../../test/shared-fixtures';
import { compileProfile, formatReason } from './index';
import { profileSchema, type ProfileInput } from './profile';
import { reasonProblems } from './reason-truth';
import { builtinRoleModel } from './roles';
import { vac } from './testkit';
import type { MatchVacancy } from './vacancy';

const judge = (input: ProfileInput) => {
  const profile = profileSchema.parse(input);
  const m = compileProfile(profile, { roles: builtinRoleModel() });
  return (v: MatchVacancy) => {
    const r = m.score(v);
    const full = v.description !== undefined || v.keySkills !== undefined;
    return { text: r.reasons.map((x) => formatReason(x, 'en')), problems: reasonProblems(profile, v, r.reasons, full) };
  };
};

describe('every reason shown is true of the vacancy', () => {
  it('shows a desired title’s level words only on a vacancy at that level', () => {
    const j = judge({ desiredTitles: ['Junior Python developer'], experience: 'between1And3' });
    const middle = j(vac('Middle Python developer', { experience: 'between1And3' }));
    expect(middle.text).not.toContain("title matches 'Junior Python developer'");
    expect(middle.text).toContain("title matches 'Python developer'");
    expect(middle.problems).toEqual([]);
    const junior = j(vac('Junior Python developer', { experience: 'between1And3' }));
    expect(junior.text).toContain("title matches 'Junior Python developer'");
    expect(junior.problems).toEqual([]);
  });

  it('does not say a title about another stack or role matches the user’s', () => {
    const py = judge({ desiredTitles: ['Python developer'], skills: ['Python'], experience: 'between3And6' });
    const java = py(vac('Senior Java Developer', { experience: 'between3And6' }));
    expect(java.text.join('; ')).not.toMatch(/title (partly )?matches/);
    expect(java.problems).toEqual([]);
    const front = judge({
      desiredTitles: ['Администратор'],
      skills: ['Работа с клиентами'],
      experience: 'between1And3',
    });
    const sysadmin = front(vac('Системный администратор', { experience: 'between1And3' }));
    expect(sysadmin.text).toContain('a different role: системный администратор');
    expect(sysadmin.text.join('; ')).not.toMatch(/title (partly )?matches/);
    expect(sysadmin.problems).toEqual([]);
  });

  it('names a missing word in the user’s own words, never an internal id or a stray preposition', () => {
    const de = judge({ desiredTitles: ['Data Engineer'], skills: ['Spark'], experience: 'between3And6' });
    const r = de(vac('Аналитик', { experience: 'between3And6' }));
    expect(r.text.join('; ')).not.toMatch(/dataengineer/);
    expect(r.text).toContain('no Data Engineer in title or snippet');
    const pm = judge({ desiredTitles: ['Продакт-менеджер'], experience: 'between3And6' });
    expect(pm(vac('Support Manager')).text.join('; ')).toMatch(/no Продакт-менеджер in title or snippet/);
    const an = judge({ desiredTitles: ['Аналитик по данным'], experience: 'between1And3' });
    const text = an(vac('Водитель')).text.join('; ');
    expect(text).not.toMatch(/\bпо\b/);
    for (const j of [de, pm, an])
      for (const t of ['Аналитик', 'Support Manager', 'Водитель']) expect(j(vac(t)).problems).toEqual([]);
  });

  it('flags a false reason (the checker itself can fail)', () => {
    const profile = profileSchema.parse({ desiredTitles: ['Junior Python developer'], skills: ['Django'] });
    const v = vac('Senior Java Developer');
    const p = reasonProblems(
      profile,
      v,
      [
        { code: 'title_match', polarity: 'plus', params: { title: 'Junior Python developer' } },
        { code: 'skills', polarity: 'plus', params: { n: 1, list: 'Django' } },
        { code: 'missing_core', polarity: 'minus', params: { word: 'pythondev', where: 'card' } },
      ],
      false,
    );
    expect(p.join('\n')).toMatch(/names a level the vacancy/);
    expect(p.join('\n')).toMatch(/is about another stack/);
    expect(p.join('\n')).toMatch(/'Django' is not in the vacancy/);
    expect(p.join('\n')).toMatch(/'pythondev' is not a word of the user's titles/);
  });
});

describeWithShared('reasons on the labelled dev vacancies', () => {
  it('are all true, cards and full (the 30 dev personas)', () => {
    if (!hasSharedFile('bench/labels.dev.json')) return;
    const sets = loadSets('dev', 'all');
    const corpus = loadCorpus(sets);
    const problems: string[] = [];
    let n = 0;
    for (const fields of ['card', 'full'] as const) {
      for (const set of sets) {
        for (const p of set.personas) {
          const profile = personaProfile(p);
          const m = compileProfile(profile, { roles: builtinRoleModel() });
          for (const id of Object.keys(set.labels[p.id] ?? {})) {
            const raw = corpus.get(id);
            if (!raw) continue;
            const v = benchVacancy(raw, fields);
            n++;
            for (const pr of reasonProblems(profile, v, m.score(v).reasons, fields === 'full'))
              problems.push(`${p.id} ${fields}: ${pr}`);
          }
        }
      }
    }
    expect(n).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  }, 300_000);
});
