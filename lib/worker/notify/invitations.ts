import { negotiationsPageUrl } from '../../core/hh/urls';
import type { Lang } from '../../core/i18n/lang';
import { plural } from '../../core/i18n/lang';
import type { Notice } from './notifier';

/** One employer invitation, as the negotiations sync saw it appear. */
export interface Invitation {
  topicId: string;
  title: string;
  employer: string;
  vacancyId: string | null;
}

/** The notice for invitations found by one sync (null when there are none). */
export function invitationNotice(list: readonly Invitation[], lang: Lang): Notice | null {
  if (!list.length) return null;
  const n = list.length;
  const title =
    lang === 'ru'
      ? `Otklik: ${n} ${plural(n, 'приглашение', 'приглашения', 'приглашений')}`
      : `Otklik: ${n} ${n === 1 ? 'invitation' : 'invitations'}`;
  const message =
    list
      .slice(0, 3)
      .map((i) => `${i.title}${i.employer ? ` — ${i.employer}` : ''}`)
      .join('\n') + (n > 3 ? (lang === 'ru' ? `\nи ещё ${n - 3}` : `\nand ${n - 3} more`) : '');
  const notice: Notice = {
    kind: 'invitations',
    id: `otklik-invitations-${list
      .map((i) => i.topicId)
      .join('-')
      .slice(0, 60)}`,
    title,
    message,
  };
  if (n === 1) notice.url = negotiationsPageUrl();
  return notice;
}
