import type { TourStore } from './tourStore';

/**
 * Full-screen 3D: the page lays the heart out over the whole window (class `fullscreen-3d`) and asks the browser for
 * full screen (a refusal, e.g. outside a user gesture, leaves the in-page layout, which is enough on a projector).
 */
export function setFullscreen3dMode(tour: TourStore, on: boolean): void {
  tour.getState().setFullscreen3d(on);
  const d = document as Document & { fullscreenElement?: Element | null };
  if (on && !d.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => {});
  if (!on && d.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
}
