/**
 * Stemming for Russian and English words.
 *
 * English: `stemmer` (wooorm, the classic Porter algorithm, small).
 * Russian: a compact port of the Snowball Russian algorithm (snowballstem.org/algorithms/russian). The npm
 * ports are too heavy for a content script (snowball-stemmers ships every language; @nlpjs/lang-ru drags
 * @nlpjs/core); this one is a fraction of their size and is checked word-for-word against snowball-stemmers
 * in stem.test.ts (a devDependency).
 *
 * Input is expected normalised (lower case, ё already replaced by е).
 */
import { stemmer as porter } from 'stemmer';

const VOWELS = 'аеиоуыэюя';
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.includes(c);

/** A suffix group: a set plus its longest length, so a lookup costs one `has` per length, not one `endsWith` per entry. */
interface Suffixes {
  set: ReadonlySet<string>;
  max: number;
}
/** `g1` entries must be preceded by а or я (inside RV). */
const group = (s: string): Suffixes => {
  const list = s.split(' ');
  return { set: new Set(list), max: Math.max(...list.map((x) => x.length)) };
};
const PERF_G1 = group('в вши вшись');
const PERF_G2 = group('ив ивши ившись ыв ывши ывшись');
const ADJ = group('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею');
const PART_G1 = group('ем нн вш ющ щ');
const PART_G2 = group('ивш ывш ующ');
const REFL = group('ся сь');
const VERB_G1 = group('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно');
const VERB_G2 = group(
  'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю',
);
const NOUN = group(
  'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я',
);
const DERIV = group('ост ость');
const SUPER = group('ейше ейш');

/** Longest suffix of `w` from `g` that starts at or after `min`, or undefined. */
function findSuffix(w: string, g: Suffixes, min: number): string | undefined {
  for (let len = Math.min(g.max, w.length - min); len >= 1; len--) {
    const s = w.slice(w.length - len);
    if (g.set.has(s)) return s;
  }
  return undefined;
}

/**
 * Snowball "among" semantics for a two-group set: the longest match over both groups wins; a group-1 match
 * additionally needs а/я right before it (inside RV), otherwise the step fails. Returns the new word or undefined.
 */
function removeGrouped(w: string, g1: Suffixes, g2: Suffixes, rv: number): string | undefined {
  const a = findSuffix(w, g1, rv);
  const b = findSuffix(w, g2, rv);
  if (b !== undefined && (a === undefined || b.length >= a.length)) return w.slice(0, w.length - b.length);
  if (a === undefined) return undefined;
  const at = w.length - a.length;
  const prev = w[at - 1];
  return at - 1 >= rv && (prev === 'а' || prev === 'я') ? w.slice(0, at) : undefined;
}

function regions(w: string): { rv: number; r2: number } {
  const n = w.length;
  let i = 0;
  while (i < n && !isVowel(w[i])) i++;
  const rv = i < n ? i + 1 : n;
  // R1: after the first non-vowel that follows a vowel; R2: the same inside R1.
  const after = (from: number): number => {
    let j = from;
    while (j < n && !isVowel(w[j])) j++;
    while (j < n && isVowel(w[j])) j++;
    return j < n ? j + 1 : n;
  };
  const r1 = after(0);
  return { rv, r2: after(r1) };
}

export function stemRu(word: string): string {
  const { rv, r2 } = regions(word);
  let w = word;
  // Step 1
  const perf = removeGrouped(w, PERF_G1, PERF_G2, rv);
  if (perf !== undefined) w = perf;
  else {
    const refl = findSuffix(w, REFL, rv);
    if (refl) w = w.slice(0, w.length - refl.length);
    const adj = findSuffix(w, ADJ, rv);
    if (adj) {
      w = w.slice(0, w.length - adj.length);
      const part = removeGrouped(w, PART_G1, PART_G2, rv);
      if (part !== undefined) w = part;
    } else {
      const verb = removeGrouped(w, VERB_G1, VERB_G2, rv);
      if (verb !== undefined) w = verb;
      else {
        const noun = findSuffix(w, NOUN, rv);
        if (noun) w = w.slice(0, w.length - noun.length);
      }
    }
  }
  // Step 2
  if (w.length > rv && w.endsWith('и')) w = w.slice(0, -1);
  // Step 3
  const der = findSuffix(w, DERIV, r2);
  if (der) w = w.slice(0, w.length - der.length);
  // Step 4
  if (w.length - 2 >= rv && w.endsWith('нн')) w = w.slice(0, -1);
  else {
    const sup = findSuffix(w, SUPER, rv);
    if (sup) {
      w = w.slice(0, w.length - sup.length);
      if (w.length - 2 >= rv && w.endsWith('нн')) w = w.slice(0, -1);
    } else if (w.length > rv && w.endsWith('ь')) w = w.slice(0, -1);
  }
  return w;
}

const CYR = /^[а-я]+$/;
const LAT = /^[a-z]+$/;

/** Stem one normalised token: Russian or English by script; mixed/numeric tokens are kept as they are. */
export function stemWord(token: string): string {
  if (CYR.test(token)) return stemRu(token);
  if (LAT.test(token)) return token.length > 3 ? porter(token) : token;
  return token;
}
