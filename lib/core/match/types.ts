export type Verdict = 'show' | 'dim' | 'hide';

/** Thresholds on the score: below `hide` → hide, below `dim` → dim, else show. */
export interface Thresholds {
  hide: number;
  dim: number;
}
