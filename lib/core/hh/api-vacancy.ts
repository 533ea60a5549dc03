/**
 * hh API vacancy object (search item or full vacancy, old or new salary/schedule fields) → MatchVacancy.
 * Tolerant: any field may be missing, null or of an unexpected type; such fields become "unknown".
 * Only a missing/empty id is an error.
 */
import * as z from 'zod/mini';
import {
  EXPERIENCE_IDS,
  WORK_FORMATS,
  type ExperienceId,
  type MatchVacancy,
  type Salary,
  type WorkFormat,
} from '../match/vacancy';

/** Field that is dropped (undefined) when it has the wrong type instead of failing the whole parse. */
const opt = <T extends z.ZodMiniType>(t: T) => z.catch(z.optional(z.nullable(t)), undefined);
const idLike = z.pipe(z.union([z.string(), z.number()]), z.transform(String));

const salaryApi = z.object({
  from: opt(z.number()),
  to: opt(z.number()),
  currency: opt(z.string()),
  gross: opt(z.boolean()),
});

const apiVacancySchema = z.object({
  id: opt(idLike),
  name: opt(z.string()),
  employer: opt(z.object({ id: opt(idLike), name: opt(z.string()) })),
  salary: opt(salaryApi),
  salary_range: opt(salaryApi),
  experience: opt(z.object({ id: opt(z.string()) })),
  schedule: opt(z.object({ id: opt(z.string()), name: opt(z.string()) })),
  schedule_text: opt(z.string()),
  employment: opt(z.object({ id: opt(z.string()), name: opt(z.string()) })),
  work_format: opt(z.array(z.unknown())),
  area: opt(z.object({ name: opt(z.string()) })),
  address: opt(z.union([z.string(), z.object({ city: opt(z.string()), raw: opt(z.string()) })])),
  snippet: opt(z.object({ requirement: opt(z.string()), responsibility: opt(z.string()) })),
  key_skills: opt(z.array(z.unknown())),
  description: opt(z.string()),
  professional_roles: opt(z.array(z.unknown())),
  driver_license_types: opt(z.array(z.unknown())),
  languages: opt(z.array(z.unknown())),
});

/** `[{id: "C"}, …]` → ["C", …]; entries of another shape are skipped. */
const ids = (xs: readonly unknown[] | null | undefined): string[] | undefined => {
  if (!xs) return undefined;
  const out: string[] = [];
  for (const x of xs) {
    const id = typeof x === 'object' && x !== null && 'id' in x ? (x as { id: unknown }).id : undefined;
    if (typeof id === 'string' || typeof id === 'number') out.push(String(id));
  }
  return out;
};

export class HhVacancyParseError extends Error {
  override name = 'HhVacancyParseError';
}

const isExperienceId = (s: string | null | undefined): s is ExperienceId =>
  (EXPERIENCE_IDS as readonly string[]).includes(s ?? '');
const isWorkFormat = (s: unknown): s is WorkFormat =>
  typeof s === 'string' && (WORK_FORMATS as readonly string[]).includes(s);
const nonEmpty = (s: string | null | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);

function toSalary(s: z.infer<typeof salaryApi> | null | undefined): Salary | null {
  if (!s) return null;
  const from = s.from ?? null;
  const to = s.to ?? null;
  if (from === null && to === null) return null;
  return { from, to, currency: s.currency ?? null, gross: s.gross ?? null };
}

export function fromHhApi(obj: unknown): MatchVacancy {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
    throw new HhVacancyParseError('hh vacancy: expected an object');
  const r = apiVacancySchema.safeParse(obj);
  // Every field catches its own errors, so only a non-object input can fail here.
  if (!r.success) throw new HhVacancyParseError(`hh vacancy: ${r.error.message}`);
  const x = r.data;
  const id = nonEmpty(x.id);
  if (!id) throw new HhVacancyParseError('hh vacancy: missing "id"');

  const workFormats = new Set<WorkFormat>();
  for (const f of x.work_format ?? []) {
    const fid = typeof f === 'object' && f !== null && 'id' in f ? (f as { id: unknown }).id : f;
    if (isWorkFormat(fid)) workFormats.add(fid);
  }
  if (x.schedule?.id === 'remote') workFormats.add('REMOTE');
  if (x.schedule?.id === 'flyInFlyOut') workFormats.add('FIELD_WORK');

  const scheduleText =
    nonEmpty(x.schedule_text) ??
    nonEmpty([x.employment?.name, x.schedule?.name].filter((s): s is string => !!s).join(', '));
  if (workFormats.size === 0 && scheduleText && /удален|remote/i.test(scheduleText)) workFormats.add('REMOTE');

  const addressText = typeof x.address === 'string' ? nonEmpty(x.address) : nonEmpty(x.address?.raw);
  const addressCity = typeof x.address === 'string' ? nonEmpty(x.address.split(',')[0]) : nonEmpty(x.address?.city);

  const snippet = nonEmpty(
    [x.snippet?.requirement, x.snippet?.responsibility].filter((s): s is string => !!s).join(' '),
  );
  const keySkills = x.key_skills
    ?.map((k) =>
      typeof k === 'string'
        ? k
        : typeof k === 'object' && k !== null && 'name' in k
          ? (k as { name: unknown }).name
          : undefined,
    )
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '');

  const employerName = nonEmpty(x.employer?.name);
  const employerId = nonEmpty(x.employer?.id);
  const v: MatchVacancy = {
    id,
    title: x.name ?? '',
    employer:
      employerName || employerId ? { ...(employerId ? { id: employerId } : {}), name: employerName ?? '' } : null,
    salary: toSalary(x.salary_range) ?? toSalary(x.salary),
    experience: isExperienceId(x.experience?.id) ? x.experience.id : null,
    workFormats: [...workFormats],
  };
  if (scheduleText) v.scheduleText = scheduleText;
  const area = nonEmpty(x.area?.name) ?? addressCity;
  if (area) v.area = area;
  if (addressText) v.address = addressText;
  if (snippet) v.snippet = snippet;
  if (x.description != null) v.description = x.description;
  if (keySkills) v.keySkills = keySkills;
  const roles = ids(x.professional_roles);
  if (roles?.length) v.professionalRoleIds = roles;
  const licences = ids(x.driver_license_types);
  if (licences?.length) v.driverLicences = licences;
  const langs: Array<{ id: string; level: string }> = [];
  for (const l of x.languages ?? []) {
    if (typeof l !== 'object' || l === null) continue;
    const { id, level } = l as { id?: unknown; level?: unknown };
    const lv = typeof level === 'object' && level !== null ? (level as { id?: unknown }).id : level;
    if (typeof id === 'string' && typeof lv === 'string') langs.push({ id, level: lv });
  }
  if (langs.length) v.languages = langs;
  return v;
}
