import { useEffect } from 'react';
import { useAppStoreApi } from '../store/useAppStore';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/**
 * Study mode's keys: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (or Ctrl+Y) redo, Alt+→ / Alt+← or PageDown / PageUp next and
 * previous case. Inside a text field the browser's own undo applies.
 */
export function useStudyShortcuts(): void {
  const appStore = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const s = appStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let done = true;
      if (mod && key === 'z' && !e.shiftKey) s.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) s.redo();
      else if ((e.altKey && e.key === 'ArrowRight') || e.key === 'PageDown') s.goToCase(s.caseIndex + 1);
      else if ((e.altKey && e.key === 'ArrowLeft') || e.key === 'PageUp') s.goToCase(s.caseIndex - 1);
      else done = false;
      if (done) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
