import type { OtklikDb } from '../db/db';
import type { JobState, VacancySnapshot } from '../../core/db/schema';
import { countSuggestions, forgetSeen, getState, listSuggestions, setVerdict, updateState } from './store';
import type { RoundSummary } from '../../core/db/discovery-rows';
import type { discoveryMessages, SuggestionView } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/router';
import { getMe, sendMessage, type TelegramDeps } from '../../core/notify/telegram';
import { normEmployer } from '../queue/guards';
import type { Settings } from '../../core/settings/schema';

/** What the discovery handlers need; injected so they are tested without a worker. */
export interface DiscoveryMessageDeps {
  db: () => OtklikDb;
  now: () => number;
  settings: () => Promise<Settings>;
  updateSettings: (fn: (s: Settings) => Settings) => Promise<unknown>;
  /** Runs a round now unless one is running or discovery may not run; resolves when it ends. */
  run: () => Promise<{ ran: boolean; why?: string; summary?: RoundSummary }>;
  running: () => boolean;
  /** When the alarm fires next (ms epoch), null when none is armed. */
  nextRunAt: () => Promise<number | null>;
  /** Discovery may run again (after resume): re-arm the alarm. */
  rearm: () => Promise<void>;
  /** The queue's enqueue (default resume, blacklist, kick). */
  enqueue: (vacancy: VacancySnapshot) => Promise<{ state: JobState; reason?: string }>;
  telegramToken: () => Promise<string>;
  telegram: TelegramDeps;
}

const TEST_TEXT = {
  ru: 'Otklik: проверка связи. Сюда будут приходить новые подходящие вакансии, паузы очереди и приглашения.',
  en: 'Otklik: test message. New strong matches, queue pauses and invitations will arrive here.',
};

export function createDiscoveryHandlers(
  deps: DiscoveryMessageDeps,
  lang: 'ru' | 'en' = 'en',
): Handlers<typeof discoveryMessages> {
  return {
    discoveryStatus: async () => {
      const s = await deps.settings();
      const db = deps.db();
      const state = await getState(db);
      return {
        enabled: s.enabled && s.discovery.enabled,
        mode: s.discovery.mode,
        running: deps.running(),
        lastRun: state.lastRun,
        pause: state.pause,
        backoffUntil: state.backoffUntil,
        nextRunAt: await deps.nextRunAt(),
        suggestions: await countSuggestions(db),
        seen: await db.seen.count(),
      };
    },
    listSuggestions: async ({ limit }) => ({
      suggestions: (await listSuggestions(deps.db(), limit ?? 100)).map((x): SuggestionView => ({
        vacancyId: x.id,
        title: x.vacancy.title,
        employer: x.vacancy.employer?.name ?? null,
        url: x.vacancy.url,
        score: x.score,
        reasons: x.reasons,
        source: x.source,
        fullText: x.fullText,
        at: x.updatedAt,
      })),
    }),
    suggestionAction: async ({ vacancyId, action }) => {
      const db = deps.db();
      const row = await db.seen.get(vacancyId);
      if (!row) return { ok: false, error: 'discovery never saw this vacancy' };
      if (action === 'dismiss') {
        await setVerdict(db, vacancyId, 'dismissed', deps.now());
        return { ok: true };
      }
      try {
        const r = await deps.enqueue(row.vacancy);
        await setVerdict(db, vacancyId, 'queued', deps.now());
        return { ok: true, state: r.state };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    runDiscovery: () => deps.run(),
    resumeDiscovery: async () => {
      const before = await getState(deps.db());
      await updateState(deps.db(), (s) => ({ ...s, pause: null, backoffUntil: 0, failures: 0 }));
      await deps.rearm();
      return { resumed: before.pause !== null || before.backoffUntil > deps.now() };
    },
    forgetDiscovered: async () => {
      await forgetSeen(deps.db());
      return { forgotten: true };
    },
    hideEmployer: async ({ employer }) => {
      let added = false;
      await deps.updateSettings((s) => {
        const list = s.profile.employerBlacklist;
        const key = normEmployer(employer.name);
        if (list.some((e) => (employer.id && e.id === employer.id) || normEmployer(e.name) === key)) return s;
        added = true;
        const entry = employer.id ? { id: employer.id, name: employer.name } : { name: employer.name };
        return { ...s, profile: { ...s.profile, employerBlacklist: [...list, entry] } };
      });
      // Its waiting suggestions go away too.
      const db = deps.db();
      const now = deps.now();
      const key = normEmployer(employer.name);
      const hit = (await listSuggestions(db, 500)).filter(
        (x) =>
          (employer.id && x.vacancy.employer?.id === employer.id) ||
          (x.vacancy.employer && normEmployer(x.vacancy.employer.name) === key),
      );
      for (const x of hit) await setVerdict(db, x.id, 'blacklisted', now);
      return { added };
    },
    telegramTest: async () => {
      const s = (await deps.settings()).notify.telegram;
      const token = await deps.telegramToken();
      if (!token) return { ok: false, error: 'save the bot token first' };
      if (!s.chatId) return { ok: false, error: 'save the chat id first' };
      try {
        const me = await getMe(deps.telegram, token);
        await sendMessage(deps.telegram, token, s.chatId, TEST_TEXT[lang]);
        return me.username ? { ok: true, bot: me.username } : { ok: true };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
