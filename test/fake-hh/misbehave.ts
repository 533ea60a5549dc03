/**
 * Misbehaviour switches (5xx, slowness, dropped connections, captcha, logout, limits, broken xsrf) and the
 * per-request decision, drawn from the server's seeded PRNG so a run is reproducible.
 */
import { z } from 'zod';
import type { ServerState } from './state.ts';

/** A probability (0 < x < 1), a count (integer >= 1: the next N requests in scope), or 'always'. */
const probabilityOrCount = z.union([z.number().min(0), z.literal('always')]);

/** Every switch (no defaults here: zod 4 applies defaults even inside .partial(), which would reset fields). */
export const BehaviourSchema = z
  .object({
    /** Answer 5xx: `0.3` = with probability 30 %, `2` = the next 2 requests in scope, `'always'`. */
    status5xx: probabilityOrCount,
    /** Which 5xx (hh's DDoS-Guard answers 502 on backend timeouts). */
    status5xxCode: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    /** Delay every request in scope by this many ms (or a [min, max] range). */
    slowMs: z.union([z.number().min(0).max(120_000), z.tuple([z.number().min(0), z.number().min(0).max(120_000)])]),
    /** Destroy the socket before answering: probability, count or 'always', as status5xx. */
    dropConnection: probabilityOrCount,
    /** Answer captcha instead of the real response. */
    captcha: z.boolean(),
    /** `redirect`: 302 to /account/captcha (fetch follows → HTML); `html`: 200 HTML captcha page; `json`: API-style 403 captcha_required. */
    captchaMode: z.enum(['redirect', 'html', 'json']),
    /** The user is logged out: pages render anonymous, no session cookie, the apply endpoint refuses. */
    loggedOut: z.boolean(),
    /** How the apply endpoint refuses a logged-out user: 403 JSON or a 302 to the login page. */
    loggedOutMode: z.enum(['403', 'redirect']),
    /** Successful applications allowed in a rolling 24 h (hh: 200). */
    dailyLimit: z.number().int().min(0),
    /** Every apply answers 403 xsrf, whatever tokens are sent. */
    xsrfBroken: z.boolean(),
    /** What the transport-level misbehaviour (5xx, slow, drop, captcha) applies to: the apply endpoint, + /shards/*, or every page. */
    scope: z.enum(['apply', 'api', 'all']),
  })
  .strict();

export type Behaviour = z.infer<typeof BehaviourSchema>;
/** Partial update (what `behave()` / `POST /__fake/behave` accept): unspecified fields keep their value. */
export const BehaviourPatchSchema = BehaviourSchema.partial().strict();
export type BehaviourPatch = z.infer<typeof BehaviourPatchSchema>;

export const DEFAULT_BEHAVIOUR: Behaviour = {
  status5xx: 0,
  status5xxCode: 502,
  slowMs: 0,
  dropConnection: 0,
  captcha: false,
  captchaMode: 'redirect',
  loggedOut: false,
  loggedOutMode: '403',
  dailyLimit: 200,
  xsrfBroken: false,
  scope: 'apply',
};

export type RouteClass = 'apply' | 'api' | 'page' | 'control';

export function inScope(scope: Behaviour['scope'], route: RouteClass): boolean {
  if (route === 'control') return false;
  if (scope === 'all') return true;
  if (scope === 'api') return route === 'apply' || route === 'api';
  return route === 'apply';
}

export type Fault =
  { type: 'drop' } | { type: '5xx'; status: number } | { type: 'captcha'; mode: Behaviour['captchaMode'] };

/** Applies a behaviour patch; count-based fields reset their budgets. */
export function applyBehaviour(state: ServerState, patch: z.infer<typeof BehaviourPatchSchema>): void {
  state.behaviour = {
    ...state.behaviour,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  };
  const budget = (v: number | 'always') => (typeof v === 'number' && v >= 1 ? Math.floor(v) : 0);
  if (patch.status5xx !== undefined) state.budget.status5xx = budget(patch.status5xx);
  if (patch.dropConnection !== undefined) state.budget.dropConnection = budget(patch.dropConnection);
}

function trigger(state: ServerState, value: number | 'always', key: 'status5xx' | 'dropConnection'): boolean {
  if (value === 'always') return true;
  if (value <= 0) return false;
  if (value >= 1) {
    if (state.budget[key] <= 0) return false;
    state.budget[key] -= 1;
    return true;
  }
  return state.rnd() < value;
}

/** Delay for this request (0 when none). */
export function delayFor(state: ServerState, route: RouteClass): number {
  const b = state.behaviour;
  if (!inScope(b.scope, route)) return 0;
  if (Array.isArray(b.slowMs)) {
    const [lo, hi] = b.slowMs;
    return Math.round(lo + state.rnd() * Math.max(0, hi - lo));
  }
  return b.slowMs;
}

/** The fault to inject into this request, if any. Order: drop, 5xx, captcha. */
export function faultFor(state: ServerState, route: RouteClass): Fault | null {
  const b = state.behaviour;
  if (!inScope(b.scope, route)) return null;
  if (trigger(state, b.dropConnection, 'dropConnection')) return { type: 'drop' };
  if (trigger(state, b.status5xx, 'status5xx')) return { type: '5xx', status: b.status5xxCode };
  if (b.captcha) return { type: 'captcha', mode: b.captchaMode };
  return null;
}
