/**
 * Rebuilds lib/core/hh/catalogue.json, what the options page offers to pick, from hh's own dictionaries in ../shared/data:
 *   - hh_professional_roles_2024-12.json: the professional roles by category (ids and names only; a role may sit in
 *     several categories, as on hh). Roles hh added in 2025, which that file lacks, come from the role model
 *     (lib/core/match/role-model.json, scripts/build-role-model.ts), in the category it gives them;
 *   - hh_dictionaries_2024-12.json: `driver_license_types` and `language_level`.
 *   npx tsx scripts/build-hh-catalogue.ts [--check]    (--check: exit 1 if the committed file differs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HhCatalogue } from '../lib/core/hh/catalogue';
import { isEntry, REPO_ROOT, sharedFile } from '../test/bench/shared';

export const CATALOGUE_FILE = path.join(REPO_ROOT, 'lib/core/hh/catalogue.json');

interface RolesFile {
  categories: Array<{
    id: string;
    name: string;
    roles: Array<{ id: string; name: string; select_deprecated?: boolean }>;
  }>;
}
interface Dictionaries {
  driver_license_types: Array<{ id: string }>;
  language_level: Array<{ id: string; name: string }>;
}

export function buildCatalogue(): HhCatalogue {
  const rolesFile = JSON.parse(
    readFileSync(sharedFile('data/hh_professional_roles_2024-12.json'), 'utf8'),
  ) as RolesFile;
  const dict = JSON.parse(readFileSync(sharedFile('data/hh_dictionaries_2024-12.json'), 'utf8')) as Dictionaries;
  const model = JSON.parse(readFileSync(path.join(REPO_ROOT, 'lib/core/match/role-model.json'), 'utf8')) as {
    roles: Array<{ id: string; name: string; category: string }>;
  };
  const roles: Record<string, string> = {};
  const categories: HhCatalogue['categories'] = [];
  for (const c of rolesFile.categories) {
    const ids: string[] = [];
    for (const r of c.roles) {
      if (r.select_deprecated) continue; // hh no longer lets a resume pick it
      roles[r.id] = r.name;
      ids.push(r.id);
    }
    if (ids.length) categories.push({ name: c.name, roles: ids });
  }
  for (const r of model.roles) {
    if (roles[r.id]) continue;
    roles[r.id] = r.name;
    let cat = categories.find((c) => c.name === r.category);
    if (!cat) categories.push((cat = { name: r.category, roles: [] }));
    cat.roles.push(r.id);
  }
  for (const c of categories) c.roles.sort((a, b) => roles[a]!.localeCompare(roles[b]!, 'ru'));
  categories.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return {
    source: 'hh /professional_roles 2024-12 (+2025 roles of lib/core/match/role-model.json), /dictionaries 2024-12',
    categories,
    roles,
    licences: dict.driver_license_types.map((l) => l.id),
    levels: dict.language_level.map((l) => ({ id: l.id, name: l.name })),
  };
}

function main(): void {
  const text = `${JSON.stringify(buildCatalogue())}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(CATALOGUE_FILE, 'utf8') !== text) {
      console.error('lib/core/hh/catalogue.json is out of date: run `npx tsx scripts/build-hh-catalogue.ts`');
      process.exit(1);
    }
    console.log('hh catalogue up to date');
    return;
  }
  writeFileSync(CATALOGUE_FILE, text);
  console.log(`lib/core/hh/catalogue.json: ${(text.length / 1024).toFixed(1)} KB`);
}

if (isEntry(import.meta.url)) main();
