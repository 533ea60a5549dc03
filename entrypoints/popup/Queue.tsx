import type { Settings } from '../../lib/settings/schema';
import { QueuePanel } from '../../components/queue/QueuePanel';
import { LetterReview } from '../../components/letters/LetterReview';
import { sendToBackground } from '../../lib/messaging';

/**
 * The apply queue in the popup. Feature hooks are wired here: the letters feature (issue 5) passes its review
 * component and approve action to the panel.
 */
export function Queue({ settings }: { settings: Settings }) {
  return (
    <QueuePanel
      settings={settings}
      review={(job, close) => <LetterReview jobId={job.id} onClose={close} />}
      approve={async (jobId) => {
        const r = await sendToBackground('approveJob', { jobId });
        if (!r.ok) throw new Error(r.error ?? 'approve failed');
      }}
    />
  );
}
