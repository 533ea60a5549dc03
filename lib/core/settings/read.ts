import { settingsSchema, type Settings } from './schema';

/** A stored field that failed its schema and reads as its default (an array item: is left out). */
export interface SettingsFallback {
  /** Dotted path in the stored object ('' = the whole value); an array item ends with its index. */
  path: string;
  /** What was wrong, from the schema. */
  message: string;
  /** The stored value that was set aside (kept in storage as it is). */
  stored: unknown;
}

export interface SettingsRead {
  settings: Settings;
  fallbacks: SettingsFallback[];
}

type Json = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur = value;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
    else if (isPlainObject(cur) && typeof key === 'string') cur = cur[key];
    else return undefined;
  }
  return cur;
}

const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * Fields whose default would send data where the user never chose: a bad stored value reads as "not set" (the
 * provider then fails with a clear error) rather than as the default host, which would get the user's key.
 */
const UNSET_ON_FALLBACK: Record<string, unknown> = { 'letters.openai.baseUrl': '' };

/** Marks an array item to leave out; filtered after each round so the other indices of that round stay valid. */
const DROPPED = Symbol('dropped');

/**
 * Reads stored settings field by field: a field that fails its schema falls back alone to its default, a bad
 * item of a list is left out, and everything else keeps its stored value. Nothing is written: the stored object
 * (unknown keys and the bad values included) stays as it is until the user or a migration writes
 * (./store.ts merges each write into it).
 *
 * Driven by the schema's own issues rather than a second description of its shape: each round removes the
 * value at every failing path (an object key, so its default applies; an array item, so the list loses only
 * it). A path that fails again once removed (a required field, a refinement that still fails with the
 * default) goes up to its parent.
 */
export function readSettings(raw: unknown): SettingsRead {
  if (raw === undefined || raw === null) return { settings: settingsSchema.parse({}), fallbacks: [] };
  if (!isPlainObject(raw))
    return rootFallback(raw, `expected an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
  // The usual case, without a copy: everything reads.
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, fallbacks: [] };
  const work: Json = structuredClone(raw);
  const removedKeys = new Set<string>();
  const fallbacks = new Map<string, SettingsFallback>();
  // Each round removes at least one value or goes up a level, so this bound is never reached by real data.
  for (let round = 0; round < 64; round++) {
    const parsed = settingsSchema.safeParse(work);
    if (parsed.success) return { settings: parsed.data, fallbacks: outermost([...fallbacks.values()]) };
    const arrays = new Set<unknown[]>();
    for (const issue of parsed.error.issues) {
      let path = issue.path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
      // Up while the value is already gone (removed, or a required field that is missing).
      while (path.length && (removedKeys.has(pathKey(path)) || getAt(work, path) === undefined))
        path = path.slice(0, -1);
      if (!path.length) return rootFallback(raw, issue.message);
      const key = pathKey(path);
      if (!fallbacks.has(key))
        fallbacks.set(key, { path: key, message: issue.message, stored: getAt(raw, path) ?? getAt(work, path) });
      const parent = getAt(work, path.slice(0, -1));
      const last = path[path.length - 1]!;
      if (Array.isArray(parent) && typeof last === 'number') {
        parent[last] = DROPPED;
        arrays.add(parent);
      } else if (isPlainObject(parent) && typeof last === 'string') {
        if (key in UNSET_ON_FALLBACK) parent[last] = UNSET_ON_FALLBACK[key];
        else delete parent[last];
        removedKeys.add(key);
      }
    }
    for (const list of arrays) {
      const kept = list.filter((x) => x !== DROPPED);
      list.length = 0;
      list.push(...kept);
    }
  }
  return rootFallback(raw, 'too many invalid fields');
}

function rootFallback(raw: unknown, message: string): SettingsRead {
  return { settings: settingsSchema.parse({}), fallbacks: [{ path: '', message, stored: raw }] };
}

/** A field inside one that fell back as a whole is not listed again. */
function outermost(list: SettingsFallback[]): SettingsFallback[] {
  const paths = list.map((f) => f.path);
  return list
    .filter((f) => !paths.some((p) => p !== f.path && f.path.startsWith(`${p}.`)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One line for logs and notices: `apply.dailyCap: Too big…; profile.skills.2: …`. */
export function describeFallbacks(fallbacks: readonly SettingsFallback[]): string {
  return fallbacks.map((f) => `${f.path || '(root)'}: ${f.message}`).join('; ');
}
