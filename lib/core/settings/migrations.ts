/**
 * Settings migrations: `MIGRATIONS[n]` turns a stored version n-1 object into version n. Pure functions on
 * plain JSON, so they serve both WXT storage (on extension update) and imports of old exported files.
 * Each has a fixture test in migrations.test.ts; the meta-test there fails if one is missing.
 */
type Json = Record<string, unknown>;

const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

export const MIGRATIONS: Record<number, (old: unknown) => Json> = {
  /**
   * v1 (foundation) → v2 (listing triage): v1 had `listing: {hideIrrelevant, showBadges}`; v2 moves it to
   * `triage: {action, showBadges, thresholds}` and adds the `profile` the scorer reads.
   */
  2: (old) => {
    const v1 = asObject(old);
    const listing = asObject(v1['listing']);
    const { listing: _dropped, ...rest } = v1;
    // A value already in v2 shape (written without its version mark) passes through unharmed.
    return {
      ...rest,
      triage: v1['triage'] ?? {
        action: listing['hideIrrelevant'] === false ? 'dim' : 'hide',
        showBadges: listing['showBadges'] !== false,
        hideBelow: null,
        dimBelow: null,
      },
      profile: v1['profile'] ?? {},
    };
  },
  /**
   * v2 → v3 (apply queue): adds `apply` with its defaults, written out here (not taken from the schema) so
   * this step stays what it was when later versions change the defaults.
   */
  3: (old) => {
    const v2 = asObject(old);
    return {
      ...v2,
      apply: v2['apply'] ?? {
        dailyCap: 50,
        pacing: { minSeconds: 30, maxSeconds: 90 },
        quietHours: { enabled: false, from: '23:00', to: '08:00' },
        defaultResumeHash: null,
        currentEmployer: '',
        fast: false,
      },
    };
  },
};

/** Runs every migration from `fromVersion` up to `toVersion`. */
export function migrateSettings(value: unknown, fromVersion: number, toVersion: number): unknown {
  let current = value;
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no settings migration to version ${v}`);
    current = step(current);
  }
  return current;
}
