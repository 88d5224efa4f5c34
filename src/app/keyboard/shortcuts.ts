import { EXPLAIN_METHODS } from '../../core/xai/catalogue';
import type { PaperLayout } from '../grid/paperLayouts';
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

/**
 * L cycles the whole-record printouts (12×1 → 3×4 + II → 6×2 → 12×1). The window-only layout is left out: the beat
 * panel shows the window enlarged, and L must never land on a 10 mm-wide column (from there it goes back to 12×1).
 */
export function nextPaperLayout(current: PaperLayout): PaperLayout {
  const cycle: PaperLayout[] = ['12x1', '3x4', '6x2'];
  const i = cycle.indexOf(current);
  return cycle[(i + 1) % cycle.length];
}

/** Typing in a field must never trigger a shortcut. */
function typing(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  return !!el && (el.isContentEditable === true || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName ?? ''));
}

/** Handles one keydown; returns true when it was a shortcut (the caller then prevents the default). Pure but for the store. */
export function handleShortcut(
  e: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  store: AppStore,
  actions: ShortcutActions,
): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return false;
  const s = store.getState();
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === 'e') return (actions.explain(), true);
  if (key === 'Escape') return (actions.cancel(), true);
  if (key >= '1' && key <= '4' && !s.explainJob) return (s.setExplainMethod(EXPLAIN_METHODS[Number(key) - 1]), true);
  if (key === 'l') return (s.setPaperLayout(nextPaperLayout(s.paperLayout)), true);
  if (key === 'c') return (s.setCalipers(!s.calipers), true);
  if (key === ' ') {
    // Space on a button activates the button; only act when focus is elsewhere.
    if ((e.target as { tagName?: string } | null)?.tagName === 'BUTTON') return false;
    return (s.setPlaying(!s.playing), true);
  }
  return false;
}
