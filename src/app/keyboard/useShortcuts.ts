import { useEffect } from 'react';
import { explainControllerOf } from '../inference/startInference';
import { appStore } from '../store/appStore';
import { handleShortcut } from './shortcuts';

/** Installs the app's keyboard shortcuts on the window for the component's lifetime. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const controller = explainControllerOf(appStore);
      const done = handleShortcut(e, appStore, {
        explain: () => controller?.run(),
        cancel: () => controller?.cancel(),
      });
      if (done) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
