import { useStore } from 'zustand';
import { useServices } from '../services/AppServices';
import type { TourState, TourStore } from './tourStore';

/** The tour's state in a component, by selector (the tour store comes from AppServices, made in main.tsx). */
export function useTour<T>(selector: (s: TourState) => T): T {
  return useStore(useServices().tour, selector);
}

/** The tour store itself, for actions and reads outside render. */
export function useTourStoreApi(): TourStore {
  return useServices().tour;
}
