/**
 * Untrusted text made plain before anything reads it, and a "skeleton" of it for detection.
 *
 * plainText (what the model reads and the user sees): HTML entities decoded (twice, for `&amp;lt;`), NFKC
 * (fullwidth ｉｇｎｏｒｅ → ignore, ligatures, superscripts), invisible characters removed (zero-width, soft
 * hyphen, BiDi controls, word joiners, variation selectors, Unicode tag characters, private use, controls),
 * whitespace collapsed.
 *
 * skeleton (only for matching the detectors): lower case, ё → е, each word with mixed Latin/Cyrillic/Greek
 * lookalikes folded to its majority script ("Ignоre" with a Cyrillic о → "ignore"; "Еcли" → "если"), digits
 * inside words read as letters (1gn0re → ignore), and letters spelled out with separators joined
 * ("И Г Н О Р И Р У Й", "i.g.n.o.r.e").
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '\u00AD',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  zwj: '',
  zwnj: '',
  lrm: '',
  rlm: '',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  bdquo: '„',
  colon: ':',
  sol: '/',
  lpar: '(',
  rpar: ')',
  period: '.',
  comma: ',',
  excl: '!',
  quest: '?',
  num: '#',
  equals: '=',
  plus: '+',
  lowbar: '_',
  semi: ';',
  commat: '@',
  dollar: '$',
  percnt: '%',
  ast: '*',
  hyphen: '-',
  dash: '-',
  newline: '\n',
  tab: '\t',
};

export function decodeEntities(s: string): string {
  let out = s;
  for (let i = 0; i < 2 && out.includes('&'); i++) {
    out = out.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      const v = ENTITIES[e.toLowerCase()];
      return v === undefined || (!m.endsWith(';') && !/^(amp|lt|gt|quot|nbsp)$/i.test(e)) ? m : v;
    });
  }
  return out;
}

/** Zero-width, soft hyphen, BiDi, joiners, variation selectors, fillers, tag characters, private use, controls. */
export const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- control and combining marks are what it strips
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\u{E0000}-\u{E007F}\u{F0000}-\u{10FFFF}]/gu;

/** Plain untrusted text: entities, NFKC, invisible characters, spaces. Keeps newlines. */
export function plainText(s: string): string {
  return decodeEntities(s)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

// Lookalikes (lower case): Cyrillic ↔ Latin, Greek → Latin. Upper-case lookalikes (В, Н, М, Т, К) are covered
// after lower-casing by в→b, н→h, м→m, т→t, к→k.
const CYR_TO_LAT: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
};
const GREEK_TO_LAT: Record<string, string> = {
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ς: 's',
  ω: 'w',
};
const LAT_TO_CYR: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};
const LEET_LAT: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const LEET_CYR: Record<string, string> = { '0': 'о', '3': 'з', '4': 'ч', '6': 'б', '@': 'а' };
// Letters that exist in only one script (they decide a mixed word's script).
const ONLY_LAT = /[dfgjlqsvwz]/;
const ONLY_CYR = /[бгджзийлпфцчшщъыьэюяё]/;

function foldWord(w: string): string {
  const hasLat = /[a-z]/.test(w);
  const hasCyr = /[а-яёіјѕԁӏԛԝ]/.test(w);
  const hasGreek = /[α-ω]/.test(w);
  const hasDigit = /[0-9@$]/.test(w) && /[a-zа-яё]/.test(w);
  if (!hasDigit && [hasLat, hasCyr, hasGreek].filter(Boolean).length < 2) return w;
  let lat = 0;
  let cyr = 0;
  for (const ch of w) {
    if (ONLY_LAT.test(ch)) lat++;
    else if (ONLY_CYR.test(ch)) cyr++;
  }
  const toLatin = lat > cyr || (lat === cyr && !hasCyr);
  let out = '';
  for (const ch of w) {
    if (toLatin) out += CYR_TO_LAT[ch] ?? GREEK_TO_LAT[ch] ?? LEET_LAT[ch] ?? ch;
    else out += LAT_TO_CYR[ch] ?? LEET_CYR[ch] ?? (GREEK_TO_LAT[ch] ? (LAT_TO_CYR[GREEK_TO_LAT[ch]] ?? ch) : ch);
  }
  return out;
}

/** Detection form of already-plain text (see the module comment). Same line structure as the input. */
export function skeleton(plain: string): string {
  let s = plain.toLowerCase().replace(/ё/g, 'е');
  // Letters spelled out: "и г н о р и р у й", "i.g.n.o.r.e", "и-г-н-о-р" (one separator between single letters).
  s = s.replace(/(?<![\p{L}\d])\p{L}(?:[ .\-_*·|/]\p{L}(?![\p{L}\d])){3,}/gu, (m) => m.replace(/[ .\-_*·|/]/g, ''));
  s = s.replace(/[\p{L}\d@$]+/gu, (w) => foldWord(w));
  return s;
}

export interface EncodedBlob {
  /** The blob as it appears in the text. */
  raw: string;
  /** What it decodes to (readable text). */
  decoded: string;
  how: 'base64' | 'hex' | 'percent';
}

function readable(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const letters = (text.match(/[\p{L}\s.,!?:;'"«»()-]/gu) ?? []).length;
  return text.length >= 8 && letters / text.length >= 0.85 && /\p{L}{3,}/u.test(text) ? text : null;
}

/** Base64, hex and percent-encoded runs that decode to readable text (an instruction a capable model could decode). */
export function encodedBlobs(text: string): EncodedBlob[] {
  const out: EncodedBlob[] = [];
  for (const m of text.matchAll(/(?<![\w+/=-])[A-Za-z0-9+/_-]{16,}={0,2}(?![\w+/=-])/g)) {
    const raw = m[0];
    if (!/[A-Z]/.test(raw) || !/[a-z]/.test(raw) || raw.length % 4 === 1) continue;
    try {
      const bin = atob(raw.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
      const decoded = readable(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
      if (decoded) out.push({ raw, decoded, how: 'base64' });
    } catch {
      // not base64
    }
  }
  for (const m of text.matchAll(/(?<![0-9a-f])(?:[0-9a-f]{2}[ :]?){12,}(?![0-9a-f])/gi)) {
    const hex = m[0].replace(/[ :]/g, '');
    const decoded = readable(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
    if (decoded) out.push({ raw: m[0].trim(), decoded, how: 'hex' });
  }
  for (const m of text.matchAll(/(?:%[0-9a-f]{2}|[\w.~-]){8,}/gi)) {
    if ((m[0].match(/%/g) ?? []).length < 6) continue;
    try {
      const decoded = decodeURIComponent(m[0]);
      if (readable(new TextEncoder().encode(decoded))) out.push({ raw: m[0], decoded, how: 'percent' });
    } catch {
      // malformed
    }
  }
  return out;
}
