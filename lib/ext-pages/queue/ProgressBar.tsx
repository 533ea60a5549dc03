/** A labelled progress bar (a real role=progressbar, so screen readers announce it). */
export function ProgressBar({ label, ratio, testid }: { label: string; ratio: number; testid?: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, ratio)) * 100);
  return (
    <div class="otk-progress" data-testid={testid}>
      <span class="otk-progress__label">{label}</span>
      <span
        class="otk-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span class="otk-progress__fill" style={{ width: `${pct}%` }} />
      </span>
    </div>
  );
}
