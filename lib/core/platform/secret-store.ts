import { browser } from '#imports';
import Dexie, { type Table } from 'dexie';

/**
 * Secrets the user asked us to remember (an LLM provider's API key, the Telegram bot token): in the extension
 * origin's IndexedDB, its own small database. Content scripts share chrome.storage.local with the extension
 * (a compromised hh renderer could read it there) but not this database: their IndexedDB is the page's.
 * chrome.storage.session (trusted contexts only) would do as well but is emptied when the browser closes; it
 * holds the keys the user did not ask to remember (lib/core/letters/keys.ts).
 *
 * Only the worker and the extension's pages open it. Never logged, never exported (settings export reads
 * the settings object only), never sent anywhere but to the provider / Bot API by the code that needs it.
 */
interface SecretRow {
  name: string;
  value: string;
}

class SecretDb extends Dexie {
  secrets!: Table<SecretRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ secrets: 'name' });
  }
}

export const SECRET_DB_NAME = 'otklik-secrets';
let db: SecretDb | null = null;
const open = () => (db ??= new SecretDb(SECRET_DB_NAME));

export async function readSecret(name: string): Promise<string> {
  const row = await open().secrets.get(name);
  return typeof row?.value === 'string' ? row.value : '';
}

/** '' deletes. */
export async function writeSecret(name: string, value: string): Promise<void> {
  if (value) await open().secrets.put({ name, value });
  else await open().secrets.delete(name);
}

/**
 * Moves a secret an older version kept in chrome.storage.local (key `localKey`) out of it: `adopt` stores the
 * value where it belongs now, then the storage.local copy is deleted. Called before every read, so a value an
 * older version (or a rollback) wrote there never stays. A value `adopt` refuses is deleted all the same.
 */
export async function moveOutOfLocal(localKey: string, adopt: (value: unknown) => Promise<void>): Promise<void> {
  const got = await browser.storage.local.get(localKey);
  if (!(localKey in got)) return;
  try {
    await adopt(got[localKey]);
  } finally {
    await browser.storage.local.remove(localKey);
  }
}

/** Tests: a fresh database (fake-indexeddb keeps it across tests otherwise). */
export async function clearSecretsForTests(): Promise<void> {
  await open().secrets.clear();
}
