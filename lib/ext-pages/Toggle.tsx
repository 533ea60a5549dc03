import type { JSX } from 'preact';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string;
  id: string;
}

/** A switch that is a real checkbox underneath: keyboard and screen readers work for free. */
export function Toggle({ checked, onChange, label, hint, id }: Props): JSX.Element {
  return (
    <label class="otk-toggle" for={id}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span class="otk-toggle__track" aria-hidden="true" />
      <span class="otk-toggle__text">
        <span>{label}</span>
        {hint ? <small>{hint}</small> : null}
      </span>
    </label>
  );
}
