import { useStore } from 'zustand';
import { type AppState, appStore } from './appStore';

/** The thin React binding: components read with selectors, e.g. `useAppStore((s) => s.caseStatus)`. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
