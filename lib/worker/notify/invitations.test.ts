import { describe, expect, it } from 'vitest';
import { invitationNotice } from './invitations';

describe('invitation notice', () => {
  const inv = (i: number) => ({
    topicId: String(i),
    title: `Frontend ${i}`,
    employer: `ACME ${i}`,
    vacancyId: String(100 + i),
  });
  it('one line per invitation (three at most), a Russian plural, kind "invitations"', () => {
    expect(invitationNotice([], 'ru')).toBeNull();
    const one = invitationNotice([inv(1)], 'ru')!;
    expect(one).toMatchObject({
      kind: 'invitations',
      title: 'Otklik: 1 приглашение',
      message: 'Frontend 1 — ACME 1',
      url: 'https://hh.ru/applicant/negotiations',
    });
    const five = invitationNotice([1, 2, 3, 4, 5].map(inv), 'ru')!;
    expect(five.title).toBe('Otklik: 5 приглашений');
    expect(five.message.split('\n')).toEqual([
      'Frontend 1 — ACME 1',
      'Frontend 2 — ACME 2',
      'Frontend 3 — ACME 3',
      'и ещё 2',
    ]);
    expect(invitationNotice([inv(1), inv(2)], 'en')!.title).toBe('Otklik: 2 invitations');
  });
});
