/**
 * Cover-letter figures over the ~15k real vacancies of ../shared/data (never copied into the repo):
 *  - how many vacancies ask applicants for something in the letter, and how many carry text aimed at bots
 *    (each stops auto mode: the job waits for the user), with examples to eyeball for false positives;
 *  - prompt size (characters; ~3.5 Russian chars per Qwen token) and how often the description is capped;
 *  - how many of a sample profile's skills the prompt finds in the vacancy (the letter names 2–3);
 *  - prompt assembly + template + validation speed.
 *
 *   npx tsx test/bench/letters.ts
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { profileSchema } from '../../lib/core/match/profile';
import { prepareLetter } from '../../lib/worker/letters/prompt';
import { fillTemplate } from '../../lib/worker/letters/template';
import { validateLetter } from '../../lib/worker/letters/validate';
import { hasSharedFile, isEntry, sharedFile } from './shared';

const profile = profileSchema.parse({
  desiredTitles: ['Python-разработчик'],
  skills: ['Python', 'Django', 'FastAPI', 'SQL', 'PostgreSQL', 'Git', 'Docker', 'Linux', 'Redis'],
  resumeText: 'Backend на Python: REST API на FastAPI и Django, PostgreSQL, Docker.',
  experience: 'between1And3',
});

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(2)}%`;
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

export async function main(): Promise<void> {
  const rel = 'data/vacancies.jsonl.gz';
  if (!hasSharedFile(rel)) {
    console.log(`letters: skipped (${sharedFile(rel)} not found)`);
    return;
  }
  const rl = createInterface({ input: createReadStream(sharedFile(rel)).pipe(createGunzip()) });
  let n = 0;
  let withAsks = 0;
  let withTraps = 0;
  let truncated = 0;
  let english = 0;
  let templateFails = 0;
  const sizes: number[] = [];
  const skillHits: number[] = [];
  const examples: string[] = [];
  const t0 = performance.now();
  for await (const line of rl) {
    if (!line.trim()) continue;
    const v = JSON.parse(line) as {
      id: string;
      name: string;
      employer?: { name?: string };
      description?: string;
      key_skills?: Array<{ name: string }>;
    };
    n++;
    const input = {
      profile,
      vacancy: {
        id: String(v.id),
        title: v.name,
        employer: v.employer?.name ? { name: v.employer.name } : null,
        url: `https://hh.ru/vacancy/${v.id}`,
      },
      description: v.description ?? '',
      keySkills: (v.key_skills ?? []).map((k) => k.name),
    };
    const p = prepareLetter(input, () => 0.5);
    sizes.push(p.messages.reduce((s, m) => s + m.content.length, 0));
    if (p.truncated) truncated++;
    if (p.lang === 'en') english++;
    skillHits.push(Math.min(p.skills.length, 3));
    if (p.asks.length) withAsks++;
    if (p.asks.some((a) => a.kind === 'ai_trap')) withTraps++;
    if (p.asks.length && examples.length < 12 && n % 3 === 0)
      examples.push(
        `${v.id} [${p.asks[0]!.kind}${p.asks[0]!.hidden ? ', hidden' : ''}] ${p.asks[0]!.text.slice(0, 140)}`,
      );
    const t = fillTemplate(input);
    if (
      validateLetter(t, {
        lang: p.lang,
        profileText: p.profileText,
        asks: p.asks,
        vacancyTitle: v.name,
        ...(v.employer?.name ? { employer: v.employer.name } : {}),
      }).length
    )
      templateFails++;
  }
  const ms = performance.now() - t0;
  console.log(`letters: ${n} real vacancies`);
  console.log(
    `  asks in the letter (code word, question, "start with"): ${withAsks} (${pct(withAsks, n)}); text aimed at bots: ${withTraps} (${pct(withTraps, n)})`,
  );
  console.log(
    `  prompt chars: median ${q(sizes, 0.5)}, p90 ${q(sizes, 0.9)}, max ${q(sizes, 1)} (~${Math.round(q(sizes, 0.5) / 3.5)} tokens median); description capped: ${pct(truncated, n)}; English: ${pct(english, n)}`,
  );
  console.log(
    `  sample Python profile: vacancies with ≥1 matching skill ${pct(skillHits.filter((x) => x > 0).length, n)}, ≥2 ${pct(skillHits.filter((x) => x > 1).length, n)}`,
  );
  console.log(`  template letters failing validation: ${templateFails} (${pct(templateFails, n)})`);
  console.log(`  prepare + template + validate: ${(ms / n).toFixed(3)} ms per vacancy`);
  for (const e of examples) console.log(`    ${e}`);
}

if (isEntry(import.meta.url)) void main();
