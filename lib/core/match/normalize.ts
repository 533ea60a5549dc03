/**
 * Text normalisation shared by the profile and vacancy sides: HTML (including hh's `<highlighttext>`) and
 * entities stripped, lower case, ё→е, tech names with punctuation made into plain tokens (c# → csharp,
 * c++ → cpp, .net → dotnet, 1С → 1c, node.js → nodejs, ci/cd → cicd), everything else not a letter or digit
 * becomes a separator.
 */

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
};

export function stripHtml(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  return s.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

// Order matters: these run on lower-cased text before punctuation is dropped.
const TECH_REWRITES: Array<[RegExp, string]> = [
  [/[cс]\+\+/g, ' cpp '],
  [/(^|[^a-zа-я0-9])[cс]\s?#/g, '$1 csharp '],
  [/(^|[^a-zа-я0-9])f#/g, '$1 fsharp '],
  [/\.net(?![a-zа-я0-9])/g, ' dotnet '],
  [/(^|[^a-zа-я0-9])1[сc](?![a-zа-я0-9])/g, '$1 1c '],
  [/([a-z0-9])\.js(?![a-z0-9])/g, '$1js '],
  [/(^|[^a-z])ci\s?\/\s?cd(?![a-z])/g, '$1 cicd '],
  [/(^|[^a-z])pl\/sql/g, '$1 plsql '],
  [/(^|[^a-z])a\/b(?![a-z])/g, '$1 ab '],
];

/** Lower case, ё→е, HTML stripped, tech names rewritten. Punctuation is kept (the tokenizer decides). */
export function normalizeText(s: string): string {
  let t = stripHtml(s).toLowerCase().replace(/ё/g, 'е');
  if (/[+#./]/.test(t) || t.includes('1')) for (const [re, to] of TECH_REWRITES) t = t.replace(re, to);
  return t;
}

/** Word tokens of normalised text: runs of Latin letters/digits or of Cyrillic letters. */
const WORD = /[a-z0-9]+|[а-я]+/g;
export function tokenize(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/**
 * Tokens with structure for titles: `w` is the weight of the position: 1 in the main part, lower after a
 * comma/colon, inside brackets or after "в/in/для/for/with" (where hh titles put team names and extras).
 * `main` says the token is in the head part of the title (used to find the role noun).
 */
export interface TitleToken {
  t: string;
  main: boolean;
  w: number;
}
const TITLE_PIECE = /[a-z0-9]+|[а-я]+|[()[\]{},;:!?«»"/|\\]|\s[-–—]\s/g;
const DEMOTING_PREPS = new Set(['в', 'во', 'in', 'at', 'для', 'for', 'with', 'со', 'на', 'into', 'to']);

export function tokenizeTitle(normalized: string): TitleToken[] {
  const out: TitleToken[] = [];
  let depth = 0;
  let afterComma = false;
  let afterPrep = false;
  for (const m of normalized.matchAll(TITLE_PIECE)) {
    const p = m[0];
    if (p === '(' || p === '[' || p === '{') depth++;
    else if (p === ')' || p === ']' || p === '}') depth = Math.max(0, depth - 1);
    else if (p === ',' || p === ';' || p === ':' || p === '!' || p === '?' || /^\s/.test(p)) afterComma = true;
    else if (p === '/' || p === '|' || p === '\\') afterPrep = false;
    else if (p === '«' || p === '»' || p === '"') continue;
    else {
      if (DEMOTING_PREPS.has(p) && out.length > 0) {
        afterPrep = true;
        continue;
      }
      const main = depth === 0 && !afterComma && !afterPrep;
      out.push({ t: p, main, w: main ? 1 : depth > 0 || afterComma ? 0.5 : 0.6 });
    }
  }
  return out;
}
