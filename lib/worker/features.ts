import type { WorkerFeature } from './feature';
import { platformFeature } from './platform/feature';
import { triageFeature } from './triage/feature';
import { pagesFeature } from './pages/feature';
import { feedbackFeature } from './feedback/feature';
import { queueFeature } from './queue/feature';
import { discoveryFeature } from './discovery/feature';
import { profileFeature } from './profile/feature';
import { lettersFeature } from './letters/feature';
import { negotiationsFeature } from './negotiations/feature';

/** The worker's features, in the order they register (a new feature: its folder and one line here). */
export const workerFeatures: readonly WorkerFeature[] = [
  platformFeature,
  triageFeature,
  pagesFeature,
  feedbackFeature,
  queueFeature,
  discoveryFeature,
  profileFeature,
  lettersFeature,
  negotiationsFeature,
];
