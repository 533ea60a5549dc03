/**
 * hh professional role of a job title: a multinomial naive Bayes model over title features (./role-features.ts),
 * trained by scripts/build-role-model.ts on real role-labelled hh titles and hh's role catalogue, stored in
 * ./role-model.json. Only the worker-side code paths load it (the listing script never does).
 *
 * Stored form: for each feature, the roles it was seen with and the amount its log-probability there exceeds the
 * role's "never seen" value; so a title's log-posterior is prior + Σ default + Σ stored deltas over its features.
 * Posteriors are sharpened/flattened by a temperature fitted on held-out titles, so a 0.9 is right about 9 times
 * in 10. The temperature grows with the title's feature mass (temperature + temperatureSlope · mass): a long title's
 * features repeat one another (a word, its first-word form, its concept, its prefix), so naive Bayes overcounts them,
 * while a one-word title ("Токарь", "Секретарь") is all the evidence there is and one flat temperature left it unsure.
 */
import { titleFeaturesAndHead } from './role-features';

export interface RoleInfo {
  id: string;
  name: string;
  /** hh's category (Транспорт, логистика …) */
  category: string;
  /** the other categories hh files the role under, if any */
  otherCategories?: string[];
}

/** The JSON artefact (see scripts/build-role-model.ts). */
export interface RoleModelData {
  version: 1;
  roles: RoleInfo[];
  /** log prior per role */
  prior: number[];
  /** log P(unseen feature | role) per role */
  unseen: number[];
  /** temperature of a title with no known feature */
  temperature: number;
  /** added to the temperature per unit of the title's known feature mass (absent: 0, one temperature for all) */
  temperatureSlope?: number;
  /** feature → [roleIndex, delta·100 (rounded), roleIndex, delta·100, …] */
  features: Record<string, number[]>;
  /** how the model was measured when built (printed by the build script) */
  measured?: Record<string, number | string>;
}

export interface RolePrediction {
  /** the three likeliest roles, by descending probability (only those above 1 %) */
  top: Array<{ role: RoleInfo; p: number }>;
  /** probability of each role index */
  probs: Float64Array;
  /** the title had no feature the model knows */
  unknown: boolean;
  /** half or more of the words of the title's head are new to the model ("Product Owner": owner): not a reading to trust */
  unknownHead: boolean;
}

export class RoleModel {
  readonly roles: RoleInfo[];
  private readonly index = new Map<string, number>();
  private readonly feats: Map<string, Int32Array>;
  private readonly cache = new Map<string, RolePrediction>();
  private readonly prior: Float64Array;
  private readonly unseen: Float64Array;

  constructor(private readonly data: RoleModelData) {
    this.roles = data.roles;
    data.roles.forEach((r, i) => this.index.set(r.id, i));
    this.feats = new Map(Object.entries(data.features).map(([k, v]) => [k, Int32Array.from(v)]));
    this.prior = Float64Array.from(data.prior);
    this.unseen = Float64Array.from(data.unseen);
  }

  roleIndex(id: string): number | undefined {
    return this.index.get(id);
  }

  role(id: string): RoleInfo | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.roles[i];
  }

  /**
   * How much likelier a title feature (a word's stem) is in a role's titles than a feature the role never saw there:
   * a log ratio, 0 when never seen. About log(1 + count), so ≥ 4 means the role's titles use it commonly.
   */
  featureWeight(feature: string, role: number): number {
    const row = this.feats.get(feature);
    if (!row) return 0;
    for (let j = 0; j < row.length; j += 2) if (row[j] === role) return (row[j + 1] ?? 0) / 100;
    return 0;
  }

  /** Forget the cached predictions (benchmarks of the cold path). */
  clearCache(): void {
    this.cache.clear();
  }

  /** Role probabilities of a title (cached per title: a listing repeats titles across pages and re-scores). */
  predict(title: string): RolePrediction {
    const hit = this.cache.get(title);
    if (hit) return hit;
    const n = this.roles.length;
    const logp = this.prior.slice();
    const { features, head } = titleFeaturesAndHead(title);
    let known = 0;
    let mass = 0;
    for (const [f, w] of features) {
      const row = this.feats.get(f);
      if (!row) continue;
      known++;
      mass += w;
      for (let j = 0; j < row.length; j += 2) {
        const r = row[j] ?? 0;
        logp[r] = (logp[r] ?? 0) + (w * (row[j + 1] ?? 0)) / 100;
      }
    }
    if (mass > 0) for (let r = 0; r < n; r++) logp[r] = (logp[r] ?? 0) + mass * (this.unseen[r] ?? 0);
    const probs = softmax(logp, this.data.temperature + (this.data.temperatureSlope ?? 0) * mass);
    // The three likeliest roles, by a linear scan (no sort of all ~190).
    const best = [-1, -1, -1];
    for (let r = 0; r < n; r++) {
      const p = probs[r] ?? 0;
      if (best[2] === -1 || p > (probs[best[2] ?? 0] ?? 0)) {
        best[2] = r;
        if (best[1] === -1 || p > (probs[best[1] ?? 0] ?? 0)) [best[1], best[2]] = [r, best[1] ?? -1];
        if (best[0] === -1 || p > (probs[best[0] ?? 0] ?? 0)) [best[0], best[1]] = [r, best[0] ?? -1];
      }
    }
    let unknownHead = 0;
    for (const h of head) if (!this.feats.has(h)) unknownHead++;
    const pred: RolePrediction = {
      top: best
        .filter((i) => i >= 0 && (probs[i] ?? 0) >= 0.01)
        .map((i) => ({ role: this.roles[i] as RoleInfo, p: probs[i] ?? 0 })),
      probs,
      unknown: known === 0,
      unknownHead: head.length === 0 || unknownHead * 2 >= head.length,
    };
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(title, pred);
    return pred;
  }
}

export function softmax(logp: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const x of logp) if (x > max) max = x;
  const out = new Float64Array(logp.length);
  let sum = 0;
  for (let i = 0; i < logp.length; i++) {
    const e = Math.exp(((logp[i] ?? 0) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}
