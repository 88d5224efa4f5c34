import { EXPLAIN_METHODS } from '../../core/xai/catalogue';
import { PAPER_LAYOUTS } from '../grid/paperLayouts';
import type { AppStore } from '../store/appStore';

export interface ShortcutActions {
  explain(): void;
  cancel(): void;
}

/** The keys, for the help line and the test: what a user can press and what it does. */
export const SHORTCUTS: Array<{ keys: string; does: string }> = [
  { keys: 'E', does: 'explain with the chosen method' },
  { keys: 'Esc', does: 'cancel the running explanation' },
  { keys: '1–4', does: 'method: IG, Gradient SHAP, Kernel SHAP, LIME' },
  { keys: 'L', does: 'next paper layout' },
  { keys: 'C', does: 'calipers on/off' },
  { keys: 'Space', does: 'play/pause the CineECG animation' },
  { keys: '← →', does: 'move the time cursor (when the paper has focus)' },
];

/** Typing in a field must never trigger a shortcut. */
function typing(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  return !!el && (el.isContentEditable === true || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName ?? ''));
}

/** Handles one keydown; returns true when it was a shortcut (the caller then prevents the default). Pure but for the store. */
export function handleShortcut(e: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey'>, store: AppStore, actions: ShortcutActions): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return false;
  const s = store.getState();
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === 'e') return actions.explain(), true;
  if (key === 'Escape') return actions.cancel(), true;
  if (key >= '1' && key <= '4' && !s.explainJob) return s.setExplainMethod(EXPLAIN_METHODS[Number(key) - 1]), true;
  if (key === 'l') {
    const i = PAPER_LAYOUTS.findIndex((l) => l.value === s.paperLayout);
    return s.setPaperLayout(PAPER_LAYOUTS[(i + 1) % PAPER_LAYOUTS.length].value), true;
  }
  if (key === 'c') return s.setCalipers(!s.calipers), true;
  if (key === ' ') {
    // Space on a button activates the button; only act when focus is elsewhere.
    if ((e.target as { tagName?: string } | null)?.tagName === 'BUTTON') return false;
    return s.setPlaying(!s.playing), true;
  }
  return false;
}
