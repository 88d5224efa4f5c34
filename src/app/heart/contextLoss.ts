import { useCallback, useEffect, useRef, useState } from 'react';

/** What the 3D view's WebGL context is doing: drawing, lost and being restored, or lost for good. */
export type GlStatus = 'ok' | 'lost' | 'failed';

/** The part of three's WebGLRenderer this needs (kept narrow so the hook is testable without WebGL). */
export interface LosableRenderer {
  domElement: HTMLCanvasElement;
  getContext(): { getExtension(name: 'WEBGL_lose_context'): { restoreContext(): void } | null };
}

/** How long to wait for the browser to give the context back by itself before asking for it. */
export const RESTORE_AFTER_MS = 1000;
/** After this long without a context the view gives up and says why (a new canvas may still get one: "Try again"). */
export const GIVE_UP_AFTER_MS = 8000;

/**
 * Follows the 3D canvas's WebGL context. A context can be lost at any time (GPU reset, driver update, too many
 * contexts in the browser, WEBGL_lose_context in a test); three.js keeps its scene and rebuilds GPU state on
 * `webglcontextrestored`. If the browser does not restore it within RESTORE_AFTER_MS we ask for it
 * (the WEBGL_lose_context extension's restoreContext); if it is still gone after GIVE_UP_AFTER_MS the status is
 * 'failed' and `retry` remounts the canvas (a fresh canvas, a fresh context).
 */
export function useContextLossRecovery(onRestored: () => void): {
  status: GlStatus;
  attach: (r: LosableRenderer) => void;
  retry: () => void;
  canvasKey: number;
} {
  const [status, setStatus] = useState<GlStatus>('ok');
  const [canvasKey, setCanvasKey] = useState(0);
  const detach = useRef<() => void>(() => {});
  const restored = useRef(onRestored);
  useEffect(() => void (restored.current = onRestored), [onRestored]);

  const attach = useCallback((r: LosableRenderer) => {
    detach.current();
    const timers: number[] = [];
    // Taken while the context is alive: a lost context answers getExtension with null (so three's
    // forceContextRestore, which asks then, cannot restore).
    let ext: { restoreContext(): void } | null = null;
    try {
      ext = r.getContext().getExtension('WEBGL_lose_context');
    } catch {
      ext = null;
    }
    const clear = () => timers.splice(0).forEach((t) => window.clearTimeout(t));
    const lost = () => {
      setStatus('lost');
      clear();
      timers.push(
        window.setTimeout(() => {
          try {
            ext?.restoreContext();
          } catch {
            // the browser is restoring it itself, or cannot: wait, then say so
          }
        }, RESTORE_AFTER_MS),
      );
      timers.push(window.setTimeout(() => setStatus('failed'), GIVE_UP_AFTER_MS));
    };
    const back = () => {
      clear();
      setStatus('ok');
      restored.current();
    };
    r.domElement.addEventListener('webglcontextlost', lost);
    r.domElement.addEventListener('webglcontextrestored', back);
    detach.current = () => {
      clear();
      r.domElement.removeEventListener('webglcontextlost', lost);
      r.domElement.removeEventListener('webglcontextrestored', back);
    };
  }, []);
  useEffect(() => () => detach.current(), []);

  const retry = useCallback(() => {
    setStatus('ok');
    setCanvasKey((k) => k + 1);
  }, []);
  return { status, attach, retry, canvasKey };
}
