import { createSignalMemory } from './hh-signal-memory';

/** The worker's memory of hh's signals from the search states it scored (one per worker life). */
export const signalMemory = createSignalMemory();
