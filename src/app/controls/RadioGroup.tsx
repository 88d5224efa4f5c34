import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { radioKeyTarget, tabStopIndex } from './radioKeys';

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  title?: string;
  /** Accessible name when the visible label is an abbreviation ("IG"). */
  ariaLabel?: string;
  disabled?: boolean;
}

interface RadioGroupProps<V extends string> {
  /** Accessible name of the group. */
  label: string;
  value: V;
  options: readonly RadioOption<V>[];
  onChange: (value: V) => void;
  /** Disables every radio (e.g. while an explanation runs). */
  disabled?: boolean;
  className?: string;
}

/**
 * The one radio group of the app: segmented buttons with the full WAI-ARIA radio-group keyboard model (radioKeys.ts):
 * Tab enters at the checked radio, arrows move and check, Home / End jump, disabled radios are skipped.
 */
export function RadioGroup<V extends string>({
  label,
  value,
  options,
  onChange,
  disabled = false,
  className = 'segmented',
}: RadioGroupProps<V>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const off = options.map((o) => disabled || !!o.disabled);
  const stop = tabStopIndex(
    options.findIndex((o) => o.value === value),
    off,
  );
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, from: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const to = radioKeyTarget(e.key, from, off);
    if (to === null) return;
    e.preventDefault(); // no page scroll on arrows / Home / End
    e.stopPropagation();
    buttons.current[to]?.focus();
    if (options[to].value !== value) onChange(options[to].value);
  };
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {options.map((o, i) => (
        <button
          key={o.value}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          aria-label={o.ariaLabel}
          title={o.title}
          className={value === o.value ? 'selected' : undefined}
          disabled={off[i]}
          tabIndex={i === stop ? 0 : -1}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
