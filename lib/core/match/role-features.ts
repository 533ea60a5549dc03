/**
 * Features of a job title for the role model (lib/core/match/role-model.ts). The same function runs when the model is
 * trained (scripts/build-role-model.ts) and when it predicts, so the two can never drift apart.
 *
 * A title gives: each word's stem (the head part counts fully, brackets and "в/для …" half), the stem of the first
 * word of the head ("^прода…": Russian titles lead with the job noun: "Менеджер по продажам", "Водитель кат. C"),
 * the dictionary concept of a word when it has one (so "фронтенд" and "frontend" share a feature), adjacent head
 * pairs ("менеджер_продаж"), and 5-letter prefixes of long stems so an unseen compound or case form
 * ("электрогазосварщик", "рилсмейкер") still shares something with the words the model knows.
 */
import { tokenInfo } from './analyze';
import { normalizeText, tokenizeTitle } from './normalize';

const SKIP = new Set([
  'и',
  'или',
  'по',
  'с',
  'от',
  'до',
  'к',
  'of',
  'and',
  'the',
  'a',
  'an',
  'г',
  'м',
  'ул',
  'руб',
  'тыс',
]);

/** Feature → weight (a word in brackets counts half). */
export function titleFeatures(title: string): Map<string, number> {
  return titleFeaturesAndHead(title).features;
}

/** The features and the stems of the head part (what the job is) in one pass over the title. */
export function titleFeaturesAndHead(title: string): { features: Map<string, number>; head: string[] } {
  const out = new Map<string, number>();
  const head: string[] = [];
  const add = (f: string, w: number): void => {
    out.set(f, Math.max(out.get(f) ?? 0, w));
  };
  let prev = '';
  let first = true;
  for (const tok of tokenizeTitle(normalizeText(title))) {
    // Function words are transparent ("менеджер по продажам" gives менеджер_продаж); numbers break a pair.
    if (SKIP.has(tok.t)) continue;
    if (/^\d+$/.test(tok.t)) {
      prev = '';
      continue;
    }
    const info = tokenInfo(tok.t);
    const s = info.stem;
    if (s.length < 2) continue;
    const w = tok.main ? 1 : 0.5;
    if (tok.main && s.length >= 3) head.push(s);
    add(s, w);
    if (info.c && info.c !== s) add(`=${info.c}`, w);
    if (s.length >= 7) add(`~${s.slice(0, 5)}`, w * 0.5);
    if (tok.main) {
      if (first) add(`^${s}`, 1);
      if (prev) add(`${prev}_${s}`, 1);
      prev = s;
      first = false;
    } else prev = '';
  }
  return { features: out, head };
}

/** Stems of the title's head part (what the job is), as titleFeatures names them. */
export function headStems(title: string): string[] {
  return titleFeaturesAndHead(title).head;
}
