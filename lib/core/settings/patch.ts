import { getAt, isPlainObject } from './read';

/*
 * Writes as patches of the stored object: only the fields a change touches are written, so a field that failed
 * to parse (and reads as its default), a key this version does not know (written by a newer one) and every
 * untouched field stay exactly as stored. Pure, on plain JSON.
 */
export type SettingsPath = string[];

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!jsonEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** Paths of the leaves (non-objects: values and whole lists) where `next` differs from `prev`. */
export function changedPaths(prev: unknown, next: unknown, at: SettingsPath = []): SettingsPath[] {
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
    return [...keys].flatMap((k) => changedPaths(prev[k], next[k], [...at, k]));
  }
  return jsonEqual(prev, next) ? [] : [at];
}

/** Every leaf path of `value` (for a write that replaces every known field, e.g. an import). */
export function leafPaths(value: unknown, at: SettingsPath = []): SettingsPath[] {
  if (!isPlainObject(value)) return [at];
  return Object.keys(value).flatMap((k) => leafPaths(value[k], [...at, k]));
}

/**
 * A copy of `stored` with the value of `next` written at each path (absent in `next` = the key is removed).
 * A path through a stored value that is not an object replaces that value with an object. A stored value that
 * is not an object at all starts from `{}`.
 */
export function applyPaths(stored: unknown, next: unknown, paths: readonly SettingsPath[]): Record<string, unknown> {
  const out: Record<string, unknown> = isPlainObject(stored) ? structuredClone(stored) : {};
  for (const path of paths) {
    if (!path.length) continue;
    let cur = out;
    for (const key of path.slice(0, -1)) {
      if (!isPlainObject(cur[key])) cur[key] = {};
      cur = cur[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    const value = getAt(next, path);
    if (value === undefined) delete cur[last];
    else cur[last] = structuredClone(value);
  }
  return out;
}
