/**
 * The scorer as a command: npm run -s score -- --profile PROFILE.json --vacancies VACANCIES.jsonl (see HELP).
 * Any bad input (unreadable file, a profile key that is unknown or of the wrong type, a vacancy line that is not
 * JSON, has no id or has a known field of the wrong type) → a message on stderr naming the file, line and key,
 * exit code 2, nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { fromHhApi } from '../lib/core/hh/api-vacancy';
import { compileProfile, formatReason } from '../lib/core/match/index';
import { DRIVER_LICENCES, LANGUAGE_LEVELS, profileSchema } from '../lib/core/match/profile';
import { builtinRoleModel } from '../lib/core/match/roles';
import { EXPERIENCE_IDS, type MatchVacancy, WORK_FORMATS } from '../lib/core/match/vacancy';

class InputError extends Error {}

const USAGE =
  'usage: npm run -s score -- --profile PROFILE.json --vacancies VACANCIES.jsonl   (--help for the formats)';

export const HELP = `Score hh.ru vacancies against a profile with Otklik's relevance scorer.

usage: npm run -s score -- --profile PROFILE.json --vacancies VACANCIES.jsonl
       npm run -s score -- --help

PROFILE.json: one JSON object; every key is optional, an unknown key or a wrong type is an error.
  desiredTitles     array of strings   the jobs wanted ("Python-разработчик", "Водитель категории B")
  skills            array of strings
  resumeText        string
  experience        one of ${EXPERIENCE_IDS.join(' | ')} | null
  professionalRoles array of hh professional role ids ("96"); empty = inferred from desiredTitles
  driverLicences    array of ${DRIVER_LICENCES.join(' | ')}
  languages         array of {"code": hh language id ("eng"), "level": ${LANGUAGE_LEVELS.join(' | ')}}
  excludeWords      array of strings   stop-words: a title containing one is hidden
  query             string             the search query (context only)
  minSalary         number | null      monthly, RUB
  workFormats       array of ${WORK_FORMATS.join(' | ')}
  cities            array of strings
  employerBlacklist array of {"id"?: string, "name": string}
  id, intent, category   benchmark persona keys, accepted and ignored

VACANCIES.jsonl: one hh API vacancy object per line (search item or full vacancy, as api.hh.ru returns
  them); empty lines are skipped. Read: id (required), name, employer, salary / salary_range, experience,
  schedule, schedule_text, employment, work_format, area, address, snippet (card text), description and
  key_skills (a full vacancy), professional_roles, driver_license_types, languages; professionalRoleIds (an
  array of role ids, as hh's search-page state has them) is accepted too. Other keys are ignored.

Output: one JSON line per vacancy, in input order:
  {"id": "...", "score": 0..1, "verdict": "show" | "dim" | "hide", "reasons": ["title matches ...", ...]}
Exit code 2 with a message on stderr (file, line, key) on any bad input; nothing is printed then.`;

function parseArgs(argv: readonly string[]): { profile: string; vacancies: string } | 'help' {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--help' || a === '-h') return 'help';
    const m = /^--(profile|vacancies)(?:=(.*))?$/.exec(a);
    if (!m) throw new InputError(`unknown argument '${a}'\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw new InputError(`--${m[1]} needs a file\n${USAGE}`);
    out[m[1] ?? ''] = value;
  }
  if (!out.profile || !out.vacancies) throw new InputError(USAGE);
  return { profile: out.profile, vacancies: out.vacancies };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** What each profile key must be, in words (the zod messages alone say "expected array, received string"). */
const EXPECTED: Record<string, string> = {
  desiredTitles: 'an array of strings',
  skills: 'an array of strings',
  resumeText: 'a string',
  experience: `one of ${EXPERIENCE_IDS.join(', ')} or null`,
  professionalRoles: 'an array of hh role ids (strings of digits, e.g. "96")',
  driverLicences: `an array of ${DRIVER_LICENCES.join(', ')}`,
  languages: `an array of {"code": "eng", "level": ${LANGUAGE_LEVELS.join('|')}}`,
  excludeWords: 'an array of strings',
  query: 'a string',
  minSalary: 'a number (RUB per month) or null',
  workFormats: `an array of ${WORK_FORMATS.join(', ')}`,
  cities: 'an array of strings',
  employerBlacklist: 'an array of {"id"?: string, "name": string}',
};
const PERSONA_KEYS = ['id', 'intent', 'category'];

const typeName = (x: unknown): string =>
  x === null
    ? 'null'
    : Array.isArray(x)
      ? 'an array'
      : typeof x === 'object'
        ? 'an object'
        : `${typeof x} ${JSON.stringify(x).slice(0, 40)}`;

function closest(key: string, keys: readonly string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0] ?? 0;
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = d[j] ?? 0;
        d[j] = Math.min(
          cur + 1,
          (d[j - 1] ?? 0) + 1,
          prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
        );
        prev = cur;
      }
    }
    return d[b.length] ?? 99;
  };
  const best = keys.map((k) => [k, dist(key, k)] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= Math.max(2, key.length / 3) ? best[0] : undefined;
}

export function checkProfile(json: unknown, file: string) {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InputError(`${file}: the profile must be a JSON object, got ${typeName(json)}`);
  const problems: string[] = [];
  const keys = Object.keys(EXPECTED);
  const known: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (PERSONA_KEYS.includes(k)) continue;
    if (!(k in EXPECTED)) {
      const near = closest(k, keys);
      problems.push(`unknown key '${k}'${near ? ` (did you mean '${near}'?)` : ''}`);
      continue;
    }
    known[k] = v;
  }
  const r = profileSchema.safeParse(known);
  if (!r.success) {
    const seen = new Set<string>();
    for (const i of r.error.issues) {
      const key = String(i.path[0] ?? '');
      const where = i.path.map(String).join('.');
      if (seen.has(where)) continue;
      seen.add(where);
      let value: unknown = known;
      for (const p of i.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[p];
      problems.push(
        i.path.length > 1
          ? `'${where}' is ${typeName(value)}: '${key}' must be ${EXPECTED[key] ?? i.message}`
          : `'${where}' must be ${EXPECTED[key] ?? i.message}, got ${typeName(value)}`,
      );
    }
  }
  if (problems.length) throw new InputError(`${file}: invalid profile: ${problems.join('; ')}`);
  return r.data as z.infer<typeof profileSchema>;
}

function loadProfile(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: invalid JSON: ${(e as Error).message}`);
  }
  return checkProfile(json, file);
}

/** Types of the hh fields the scorer reads; a line whose field has another type is rejected, naming the field. */
const str = z.nullable(z.string());
const obj = z.nullable(z.record(z.string(), z.unknown()));
const arr = z.nullable(z.array(z.unknown()));
const VACANCY_FIELDS: Record<string, [z.ZodMiniType, string]> = {
  id: [z.union([z.string(), z.number()]), 'a string or number'],
  name: [str, 'a string'],
  employer: [obj, 'an object or null'],
  salary: [obj, 'an object or null'],
  salary_range: [obj, 'an object or null'],
  experience: [obj, 'an object like {"id": "between1And3"} or null'],
  schedule: [obj, 'an object or null'],
  schedule_text: [str, 'a string'],
  employment: [obj, 'an object or null'],
  work_format: [arr, 'an array'],
  area: [obj, 'an object or null'],
  address: [z.nullable(z.union([z.string(), z.record(z.string(), z.unknown())])), 'a string or an object'],
  snippet: [obj, 'an object or null'],
  description: [str, 'a string'],
  key_skills: [arr, 'an array'],
  professional_roles: [arr, 'an array'],
  professionalRoleIds: [z.array(z.union([z.string(), z.number()])), 'an array of role ids'],
  driver_license_types: [arr, 'an array'],
  languages: [arr, 'an array'],
};

function checkVacancy(obj: unknown, where: string): MatchVacancy {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
    throw new InputError(`${where}: a vacancy must be a JSON object, got ${typeName(obj)}`);
  const o = obj as Record<string, unknown>;
  for (const [k, [schema, expected]] of Object.entries(VACANCY_FIELDS)) {
    if (k in o && !schema.safeParse(o[k]).success)
      throw new InputError(`${where}: field '${k}' must be ${expected}, got ${typeName(o[k])}`);
  }
  let v: MatchVacancy;
  try {
    v = fromHhApi(obj);
  } catch (e) {
    throw new InputError(`${where}: ${(e as Error).message}`);
  }
  const ids = o.professionalRoleIds;
  if (Array.isArray(ids) && ids.length && !v.professionalRoleIds) v.professionalRoleIds = ids.map(String);
  return v;
}

function loadVacancies(file: string): MatchVacancy[] {
  const out: MatchVacancy[] = [];
  const lines = readText(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      throw new InputError(`${file}:${i + 1}: invalid JSON: ${(e as Error).message}`);
    }
    out.push(checkVacancy(obj, `${file}:${i + 1}`));
  }
  return out;
}

export function run(argv: readonly string[]): string {
  const args = parseArgs(argv);
  if (args === 'help') return `${HELP}\n`;
  const profile = loadProfile(args.profile);
  const vacancies = loadVacancies(args.vacancies);
  const matcher = compileProfile(profile, { roles: builtinRoleModel() });
  let out = '';
  for (const v of vacancies) {
    const r = matcher.score(v);
    out +=
      JSON.stringify({
        id: v.id,
        score: Math.round(r.score * 1e6) / 1e6,
        verdict: r.verdict,
        reasons: r.reasons.map((x) => formatReason(x, 'en')),
      }) + '\n';
  }
  return out;
}

try {
  process.stdout.write(run(process.argv.slice(2)));
} catch (e) {
  process.stderr.write(`score: ${e instanceof InputError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exitCode = 2;
}
