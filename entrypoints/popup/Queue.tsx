import type { Settings } from '../../lib/core/settings/schema';
import type { ComponentChildren } from 'preact';
import { QueuePanel, type QueuePanelProps } from '../../lib/ext-pages/queue/QueuePanel';
import { LetterReview } from '../../lib/ext-pages/letters/LetterReview';
import { sendToBackground } from '../../lib/core/messaging';
import { useModelDownload } from '../../lib/ext-pages/queue/model-download';
import { popupTexts } from '../../lib/ext-pages/queue/texts';
import { uiLang } from '../../lib/core/i18n/lang';

/**
 * The apply queue in the popup. Feature hooks are wired here: the letters feature (issue 5) passes its review
 * component and approve action to the panel.
 */
export function Queue({
  settings,
  mode,
  onMore,
  needsExtra,
}: {
  settings: Settings;
  mode: QueuePanelProps['mode'];
  onMore?: () => void;
  needsExtra?: ComponentChildren;
}) {
  const t = popupTexts[uiLang()];
  const download = useModelDownload(settings.letters.provider === 'webllm', t.modelDownload);
  return (
    <QueuePanel
      settings={settings}
      mode={mode}
      {...(onMore ? { onMore } : {})}
      needsExtra={needsExtra}
      task={download.value}
      review={(job, close) => <LetterReview jobId={job.id} onClose={close} />}
      approve={async (jobId) => {
        const r = await sendToBackground('approveJob', { jobId });
        if (!r.ok) throw new Error(r.error ?? 'approve failed');
      }}
    />
  );
}
