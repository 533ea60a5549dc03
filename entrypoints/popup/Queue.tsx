import type { Settings } from '../../lib/settings/schema';
import { QueuePanel } from '../../components/queue/QueuePanel';

/**
 * The apply queue in the popup. Feature hooks are wired here: the letters feature (issue 5) passes its review
 * component and approve action to the panel.
 */
export function Queue({ settings }: { settings: Settings }) {
  return <QueuePanel settings={settings} />;
}
