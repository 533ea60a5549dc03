import type { OtklikDb } from '../db/db';
import type { Feedback } from './service';

/**
 * "Applied" as an implicit, weak "relevant": every vacancy the queue applied to (sent by Otklik, or settled as
 * applied when the responses sync found the user answered on hh) and every response hh lists on the responses
 * page (hh_applied: the user applied by hand). Facts come from the worker's own tables, never from a page. Once
 * per vacancy, never over an explicit badge label (the feedback service checks). Returns how many were learned.
 */
export async function learnApplied(feedback: Feedback, db: OtklikDb): Promise<number> {
  const facts = new Map<
    string,
    { title: string; employer?: { id?: string; name: string } | null; score?: number; at: number }
  >();
  for (const n of await db.negotiations.toArray()) {
    if (!n.vacancyId || !n.title) continue;
    facts.set(n.vacancyId, {
      title: n.title,
      employer: n.employer ? { name: n.employer } : null,
      ...(n.score !== null ? { score: n.score } : {}),
      at: n.appliedAt,
    });
  }
  // The job's snapshot knows the employer's hh id: it wins over the responses page's name.
  for (const j of await db.jobs.where('state').equals('applied').toArray()) {
    facts.set(j.vacancyId, {
      title: j.vacancy.title,
      employer: j.vacancy.employer,
      ...(j.vacancy.score !== undefined ? { score: j.vacancy.score } : {}),
      at: j.outcome?.at ?? j.updatedAt,
    });
  }
  let learned = 0;
  for (const [id, f] of facts) if (/^\d{1,12}$/.test(id) && (await feedback.applied(id, f))) learned++;
  return learned;
}
