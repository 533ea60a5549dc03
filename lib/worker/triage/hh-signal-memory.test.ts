import { describe, expect, it } from 'vitest';
import type { ListingVacancy } from '../../core/hh/listing-state';
import { createSignalMemory } from './hh-signal-memory';

const v = (id: string, over: Partial<ListingVacancy> = {}): ListingVacancy => ({
  id,
  title: 'T',
  employer: { id: '7', name: 'ACME', negative: [] },
  salary: null,
  experience: null,
  workFormats: [],
  professionalRoleIds: [],
  acceptAutoResponse: null,
  letterRequired: null,
  testRequired: null,
  applied: null,
  responsesCount: null,
  ...over,
});

describe("the worker's memory of hh's search signals", () => {
  it('keeps what hh said per vacancy and per employer; unknown stays unknown', () => {
    const m = createSignalMemory();
    m.remember(
      v('1', {
        acceptAutoResponse: false,
        letterRequired: true,
        employer: { id: '7', name: 'ACME', negative: ['hasBreaches'] },
      }),
    );
    m.remember(v('2'));
    expect(m.vacancy('1')).toEqual({
      acceptAutoResponse: false,
      letterRequired: true,
      employerNegative: ['hasBreaches'],
    });
    expect(m.vacancy('2')).toEqual({ employerNegative: [] });
    expect(m.vacancy('3')).toBeUndefined();
    // The newest search state wins for an employer (hh may lift a warning).
    expect(m.employer('7')).toEqual([]);
    expect(m.employer('8')).toBeUndefined();
  });
  it('is bounded: the oldest entries go first', () => {
    const m = createSignalMemory(2);
    for (const id of ['1', '2', '3']) m.remember(v(id, { employer: { id: `e${id}`, name: 'E', negative: [] } }));
    expect(m.vacancy('1')).toBeUndefined();
    expect(m.vacancy('3')).toBeDefined();
    expect(m.employer('e1')).toBeUndefined();
  });
});
