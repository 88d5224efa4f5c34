import { useEffect } from 'react';
import { useServices } from '../services/AppServices';
import { handleShortcut } from './shortcuts';

/** Installs the app's keyboard shortcuts on the window for the component's lifetime. */
export function useShortcuts(): void {
  const { store, explain } = useServices();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const done = handleShortcut(e, store, {
        explain: () => explain?.run(),
        cancel: () => explain?.cancel(),
      });
      if (done) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, explain]);
}
