import { useEffect } from 'react';
import { setFullscreen3dMode } from './fullscreen';
import { handleTourKey } from './tourKeys';
import { useTourStoreApi } from './useTour';

/** The tour's keys on the window, in the capture phase: during a tour they come before the app's own shortcuts. */
export function useTourKeys(): void {
  const tourStore = useTourStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleTourKey(e, tourStore, { fullscreen3d: (on) => setFullscreen3dMode(tourStore, on) })) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    // Esc in the browser's full screen is the browser's: follow it out of full-screen 3D.
    const onFullscreen = () =>
      !document.fullscreenElement && tourStore.getState().fullscreen3d && tourStore.getState().setFullscreen3d(false);
    window.addEventListener('keydown', onKey, { capture: true });
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [tourStore]);
}
