/** Bump together with a new entry in ./migrations.ts (and its test fixture). */
export const SETTINGS_VERSION = 3;

/** The storage.local key of the settings object. */
export const SETTINGS_KEY = 'settings';

/** Where WXT storage keeps the item's version mark (`{v: n}`); tests and e2e seeding write it alongside the value. */
export const SETTINGS_META_KEY = 'settings$';
