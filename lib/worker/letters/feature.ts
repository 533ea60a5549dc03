import { getDb } from '../db';
import { getSettings } from '../../core/settings/store';
import { createLetterHandlers } from './handlers';
import { letterDeps, registerLetters } from './service';
import type { WorkerFeature } from '../feature';

/** Cover letters: review and providers' messages, the drafting loop and the `otklik:letter` port. */
export const lettersFeature: WorkerFeature = {
  name: 'letters',
  handlers: ({ kickDrain }) =>
    createLetterHandlers({ db: getDb, now: Date.now, settings: getSettings, ...letterDeps(kickDrain) }),
  register: ({ kickDrain }) => registerLetters(kickDrain),
};
