/**
 * Score hh vacancies against a profile:
 *   npm run -s score -- --profile PROFILE.json --vacancies VACANCIES.jsonl
 * prints one JSON line per vacancy: {"id","score","verdict","reasons"} (reasons as English text).
 * Any bad input (unreadable file, invalid profile, invalid JSON line, vacancy without id) → a message on
 * stderr naming the file (and line), exit code 2, nothing on stdout. Empty lines are skipped.
 */
import { readFileSync } from 'node:fs';
import { fromHhApi } from '../lib/hh/api-vacancy';
import { compileProfile, formatReason } from '../lib/match/index';
import { profileSchema } from '../lib/match/profile';
import { builtinRoleModel } from '../lib/match/roles';
import type { MatchVacancy } from '../lib/match/vacancy';

class InputError extends Error {}

const USAGE = 'usage: npm run -s score -- --profile PROFILE.json --vacancies VACANCIES.jsonl';

function parseArgs(argv: readonly string[]): { profile: string; vacancies: string } {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
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

function loadProfile(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: invalid JSON: ${(e as Error).message}`);
  }
  const r = profileSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new InputError(`${file}: invalid profile: ${issues}`);
  }
  return r.data;
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
    try {
      out.push(fromHhApi(obj));
    } catch (e) {
      throw new InputError(`${file}:${i + 1}: ${(e as Error).message}`);
    }
  }
  return out;
}

export function run(argv: readonly string[]): string {
  const args = parseArgs(argv);
  const matcher = compileProfile(loadProfile(args.profile), { roles: builtinRoleModel() });
  const vacancies = loadVacancies(args.vacancies);
  let out = '';
  for (const v of vacancies) {
    const r = matcher.score(v);
    out += JSON.stringify({
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
  process.stderr.write(`score: ${e instanceof InputError ? e.message : (e as Error).stack ?? String(e)}\n`);
  process.exitCode = 2;
}
