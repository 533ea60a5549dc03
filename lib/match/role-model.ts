/**
 * hh professional role of a job title: a multinomial naive Bayes model over title features (./role-features.ts),
 * trained by scripts/build-role-model.ts on real role-labelled hh titles and hh's role catalogue, stored in
 * ./role-model.json. Only the worker-side code paths load it (the listing script never does).
 *
 * Stored form: for each feature, the roles it was seen with and the amount its log-probability there exceeds the
 * role's "never seen" value; so a title's log-posterior is prior + Σ default + Σ stored deltas over its features.
 * Posteriors are sharpened/flattened by a temperature fitted on held-out titles, so a 0.9 is right about 9 times
 * in 10.
 */
import { headStems, titleFeatures } from './role-features';

export interface RoleInfo {
  id: string;
  name: string;
  /** hh's category (Транспорт, логистика …) */
  category: string;
}

/** The JSON artefact (see scripts/build-role-model.ts). */
export interface RoleModelData {
  version: 1;
  roles: RoleInfo[];
  /** log prior per role */
  prior: number[];
  /** log P(unseen feature | role) per role */
  unseen: number[];
  temperature: number;
  /** feature → [roleIndex, delta·100 (rounded), roleIndex, delta·100, …] */
  features: Record<string, number[]>;
  /** how the model was measured when built (printed by the build script) */
  measured?: Record<string, number | string>;
}

export interface RolePrediction {
  /** role indices by descending probability (only those above 1 %) */
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

  constructor(private readonly data: RoleModelData) {
    this.roles = data.roles;
    data.roles.forEach((r, i) => this.index.set(r.id, i));
    this.feats = new Map(Object.entries(data.features).map(([k, v]) => [k, Int32Array.from(v)]));
  }

  roleIndex(id: string): number | undefined {
    return this.index.get(id);
  }

  role(id: string): RoleInfo | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.roles[i];
  }

  /** Role probabilities of a title (cached per title: a listing repeats titles across pages and re-scores). */
  predict(title: string): RolePrediction {
    const hit = this.cache.get(title);
    if (hit) return hit;
    const n = this.roles.length;
    const logp = Float64Array.from(this.data.prior);
    let known = 0;
    let mass = 0;
    for (const [f, w] of titleFeatures(title)) {
      const row = this.feats.get(f);
      if (!row) continue;
      known++;
      mass += w;
      for (let j = 0; j < row.length; j += 2) {
        const r = row[j] ?? 0;
        logp[r] = (logp[r] ?? 0) + (w * (row[j + 1] ?? 0)) / 100;
      }
    }
    if (mass > 0) for (let r = 0; r < n; r++) logp[r] = (logp[r] ?? 0) + mass * (this.data.unseen[r] ?? 0);
    const probs = softmax(logp, this.data.temperature);
    const order = [...probs.keys()].filter((i) => (probs[i] ?? 0) >= 0.01).sort((a, b) => (probs[b] ?? 0) - (probs[a] ?? 0));
    const pred: RolePrediction = {
      top: order.map((i) => ({ role: this.roles[i] as RoleInfo, p: probs[i] ?? 0 })),
      probs,
      unknown: known === 0,
      unknownHead: unknownShare(headStems(title), this.feats) >= 0.5,
    };
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(title, pred);
    return pred;
  }
}

function unknownShare(stems: readonly string[], known: ReadonlyMap<string, unknown>): number {
  if (stems.length === 0) return 1;
  let n = 0;
  for (const s of stems) if (!known.has(s)) n++;
  return n / stems.length;
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
