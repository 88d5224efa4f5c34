import type { TourStore } from './tourStore';

/** The tour's keys, for the help line and the tests. */
export const TOUR_KEYS: Array<{ keys: string; does: string }> = [
  { keys: 'T', does: 'start the LAFB teaching tour' },
  { keys: '→ / PageDown', does: 'next step (a presenter clicker sends PageDown)' },
  { keys: '← / PageUp', does: 'previous step' },
  { keys: 'P', does: 'presenter mode on/off' },
  { keys: 'F', does: 'full-screen 3D on/off' },
  { keys: 'Esc', does: 'leave full-screen 3D, then presenter mode, then the tour' },
];

const typing = (target: EventTarget | null): boolean => {
  const el = target as {
    tagName?: string;
    isContentEditable?: boolean;
    getAttribute?: (n: string) => string | null;
  } | null;
  if (!el) return false;
  // Sliders, fields and the workspace divider keep their arrows.
  return (
    el.isContentEditable === true ||
    ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName ?? '') ||
    el.getAttribute?.('role') === 'separator'
  );
};

export interface TourKeyActions {
  fullscreen3d(on: boolean): void;
}

/**
 * One keydown; true when the tour used it (the caller then stops it, so the app's own E / Esc / arrows do not act
 * twice). Outside a tour only T is the tour's.
 */
export function handleTourKey(
  e: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  tour: TourStore,
  actions: TourKeyActions,
  defaultTour = 'lafb',
): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return false;
  const s = tour.getState();
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (!s.tourId) return key === 't' ? s.start(defaultTour) : false;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return (s.next(), true);
    case 'ArrowLeft':
    case 'PageUp':
      return (s.previous(), true);
    case 'p':
      return (s.setPresenter(!s.presenter), true);
    case 'f':
      return (actions.fullscreen3d(!s.fullscreen3d), true);
    case 'Escape':
      if (s.fullscreen3d) actions.fullscreen3d(false);
      else if (s.presenter) s.setPresenter(false);
      else s.stop();
      return true;
    default:
      return false;
  }
}
