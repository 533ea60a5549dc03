/**
 * What Otklik reads of a saved hh.ru search page:
 *   npm run -s parse -- PAGE.html [--url https://hh.ru/search/vacancy?text=…]
 * prints one JSON line per vacancy: id, title, employer {id, name, negative}, salary, experience, workFormats,
 * professionalRoleIds, snippet, acceptAutoResponse, letterRequired, testRequired, applied, responsesCount and
 * source "state" (the page's HH-Lux-InitialState) or "dom" (read from the card). stderr says which path was taken
 * and why. `--url` enables the state's address check (without it only its ids are checked against the cards).
 * Bad input (no file, unreadable, not an hh search page) → one line on stderr, exit code 2, nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { readListingPage } from '../lib/core/hh/listing-page';
import { stateTextFromHtml } from '../lib/core/hh/listing-state';

class InputError extends Error {}
const USAGE = 'usage: npm run -s parse -- PAGE.html [--url PAGE_URL]';

function args(argv: readonly string[]): { file: string; url: string | null } {
  let file: string | null = null;
  let url: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--url(?:=(.*))?$/.exec(a);
    if (m) {
      url = m[1] ?? argv[++i] ?? '';
      try {
        new URL(url);
      } catch {
        throw new InputError(`--url: '${url}' is not an absolute URL\n${USAGE}`);
      }
    } else if (a.startsWith('-')) throw new InputError(`unknown option '${a}'\n${USAGE}`);
    else if (file) throw new InputError(`one page at a time ('${file}' and '${a}')\n${USAGE}`);
    else file = a;
  }
  if (!file) throw new InputError(USAGE);
  return { file, url };
}

function main(): void {
  const { file, url } = args(process.argv.slice(2));
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const window = new Window({
    url: url ?? 'https://hh.ru/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const page = readListingPage(doc, stateTextFromHtml(html), url);
  if (!page.vacancies.length) {
    const why = page.stateProblem
      ? `state: ${page.stateProblem.detail ?? page.stateProblem.reason}`
      : 'state has no vacancies';
    throw new InputError(
      `${file}: no hh vacancy found (no search-result cards; ${why}${page.problems.length ? `; ${page.problems.length} unrecognised cards: ${page.problems[0]}` : ''})`,
    );
  }
  for (const v of page.vacancies) process.stdout.write(JSON.stringify(v) + '\n');
  const bySource = (s: string) => page.vacancies.filter((v) => v.source === s).length;
  const problem = page.stateProblem
    ? ` (state not used: ${page.stateProblem.reason}${page.stateProblem.detail ? ` — ${page.stateProblem.detail}` : ''})`
    : '';
  process.stderr.write(
    `${file}: ${page.vacancies.length} vacancies, ${bySource('state')} from the state, ${bySource('dom')} from the cards${problem}${page.problems.length ? `; ${page.problems.length} cards not recognised` : ''}\n`,
  );
  void window.happyDOM.close();
}

try {
  main();
} catch (e) {
  process.stderr.write(`parse: ${e instanceof InputError ? e.message : e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
}
