/**
 * Every hh role as a user (`npm run bench -- roles`, or `npx tsx test/bench/role-proxy.ts [--roles] [--exp ID]`): no
 * labels, so a proxy. For each role with ≥ 8 titles in the 2026 sample (../shared/data/role_titles_2026-05.csv), a
 * user wants its two commonest titles (experience 1–3 years); the role's other titles are scored as cards (title only,
 * or with their hh experience id under --exp) and so is every 7th title of roles filed under other hh categories.
 * Printed: the share of same-role titles hidden (lower is better, but hh's roles are broad: "Слесарь, сантехник" holds
 * every fitter, "Учитель" every subject, so a fair part of them is rightly another speciality) and of other-category
 * titles hidden (higher is better); with --roles, the roles whose own titles are hidden most.
 * The role model was trained on these titles: this measures the scorer's rules across professions, not the model.
 */
import { readRoleTitles, ROLE_TITLES } from '../../scripts/build-role-model';
import { compileProfile } from '../../lib/core/match/index';
import { profileSchema } from '../../lib/core/match/profile';
import { builtinRoleModel } from '../../lib/core/match/roles';
import { experienceIdSchema } from '../../lib/core/match/vacancy';
import { hasSharedFile, isEntry, sharedFile } from './shared';

export function main(argv: readonly string[] = process.argv.slice(2)): void {
  if (!hasSharedFile(ROLE_TITLES)) {
    console.log(`role proxy: skipped, ${sharedFile(ROLE_TITLES)} not found (../shared is not beside the repo)`);
    return;
  }
  const exp = argv.includes('--exp') ? experienceIdSchema.parse(argv[argv.indexOf('--exp') + 1]) : undefined;
  const roles = builtinRoleModel();
  if (!roles) throw new Error('role proxy: the role model did not load');
  const byRole = new Map<string, Array<{ title: string; experience: string }>>();
  for (const r of readRoleTitles()) {
    const title = r.title.trim();
    if (!title || !r.roleId) continue;
    byRole.set(r.roleId, [...(byRole.get(r.roleId) ?? []), { title, experience: r.experience }]);
  }
  const others: Array<{ title: string; role: string }> = [];
  for (const [role, list] of byRole) list.forEach(({ title }, i) => i % 7 === 0 && others.push({ title, role }));
  const norm = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ');
  const card = (title: string, experience: string) => ({
    id: '1',
    title,
    employer: null,
    salary: null,
    experience: exp ? (experienceIdSchema.safeParse(experience).data ?? null) : null,
    workFormats: [],
  });
  let same = 0;
  let sameHidden = 0;
  let other = 0;
  let otherHidden = 0;
  const perRole: Array<{ name: string; n: number; hidden: number; want: string[] }> = [];
  for (const [id, list] of byRole) {
    if (list.length < 8) continue;
    const count = new Map<string, number>();
    for (const { title } of list) count.set(norm(title), (count.get(norm(title)) ?? 0) + 1);
    const top = [...count]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([t]) => t);
    const want = top.map((t) => list.find((x) => norm(x.title) === t)?.title ?? t);
    const m = compileProfile(profileSchema.parse({ desiredTitles: want, experience: exp ?? 'between1And3' }), {
      roles,
    });
    let n = 0;
    let hidden = 0;
    for (const { title, experience } of list) {
      if (top.includes(norm(title))) continue;
      n++;
      if (m.score(card(title, experience)).verdict === 'hide') hidden++;
    }
    const category = roles.role(id)?.category;
    for (const o of others) {
      if (roles.role(o.role)?.category === category) continue;
      other++;
      if (m.score(card(o.title, '')).verdict === 'hide') otherHidden++;
    }
    same += n;
    sameHidden += hidden;
    perRole.push({ name: `${id} ${roles.role(id)?.name ?? '?'}`, n, hidden, want });
  }
  console.log(
    `${perRole.length} roles as users (experience ${exp ?? 'between1And3'}${exp ? ', vacancies with their hh id' : ''}): ` +
      `same-role titles hidden ${(sameHidden / same).toFixed(3)} of ${same}; ` +
      `other-category titles hidden ${(otherHidden / other).toFixed(4)} of ${other}`,
  );
  if (argv.includes('--roles'))
    for (const r of perRole.sort((a, b) => b.hidden / b.n - a.hidden / a.n).slice(0, 25))
      console.log(
        `  ${(r.hidden / r.n).toFixed(2)}  ${r.name.slice(0, 48).padEnd(48)} n=${r.n}  wants ${r.want.join(' / ')}`,
      );
}

if (isEntry(import.meta.url)) main();
