import type { Worker } from 'playwright-core';

/** A secret in the extension origin's IndexedDB (lib/core/platform/secret-store.ts), read in the worker. */
export function secretIn(worker: Worker, name: string): Promise<string | null> {
  return worker.evaluate(
    (n) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('otklik-secrets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('secrets')) return resolve(null);
          const get = db.transaction('secrets').objectStore('secrets').get(n);
          get.onsuccess = () => resolve((get.result as { value?: string } | undefined)?.value ?? null);
          get.onerror = () => reject(get.error);
        };
      }),
    name,
  );
}
