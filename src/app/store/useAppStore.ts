import { useStore } from 'zustand';
import { useServices } from '../services/AppServices';
import type { AppState, AppStore } from './appStore';

/** The thin React binding: components read with selectors, e.g. `useAppStore((s) => s.caseStatus)`. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useServices().store, selector);
}

/** The store itself, for actions (`store.getState().setX()`) and reads outside render (animation frames). */
export function useAppStoreApi(): AppStore {
  return useServices().store;
}
