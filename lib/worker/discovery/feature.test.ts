import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { discoveryFeature } from './feature';
import { createWorkerServices } from '../services';
import { getSettings } from '../../core/settings/store';

describe('discovery feature: hide an employer from a vacancy panel', () => {
  it('blacklists the employer and labels that vacancy "not for me — employer" in the feedback model', async () => {
    fakeBrowser.reset();
    const s = createWorkerServices();
    const v = { id: '5', title: 'Java Developer', employer: { id: '7', name: 'Acme' } };
    s.feedback.apply(await s.feedback.current(), { ...v, salary: null, experience: null, workFormats: [] }, 0.9, 0.3);
    const hide = discoveryFeature.handlers!(s).hideEmployer!;
    expect(await hide({ employer: { id: '7', name: 'Acme' }, vacancyId: '5' }, { tabId: 1 })).toEqual({ added: true });
    expect((await getSettings()).profile.employerBlacklist).toEqual([{ id: '7', name: 'Acme' }]);
    await vi.waitFor(async () =>
      expect((await s.feedback.current()).examples['5']).toMatchObject({
        label: 'not',
        source: 'employer_hidden',
        why: 'employer',
      }),
    );
    // Without a vacancy id (an older page script) the blacklist still works and nothing is learned.
    expect(await hide({ employer: { name: 'Initech' } }, { tabId: 1 })).toEqual({ added: true });
    expect(Object.keys((await s.feedback.current()).examples)).toEqual(['5']);
  });
});
