/**
 * Scrolls the paper's scroller so that the model window is in view (centred when it was not), reading where it is
 * from the canvas's data-* calibration (the same facts the tests read). Returns whether it had to scroll.
 */
export function scrollToWindow(scroller: HTMLElement, behavior: ScrollBehavior = 'auto'): boolean {
  const canvas = scroller.querySelector<HTMLCanvasElement>('canvas.ecg-canvas');
  if (!canvas) return false;
  const d = canvas.dataset;
  const [originX, pxPerMs, offsetMs, startMs, windowMs] = [
    d.originX,
    d.pxPerMs,
    d.offsetMs,
    d.windowStartMs,
    d.windowMs,
  ].map(Number);
  if (![originX, pxPerMs, offsetMs, startMs, windowMs].every(Number.isFinite)) return false;
  const x0 = originX + (startMs - offsetMs) * pxPerMs;
  const x1 = x0 + windowMs * pxPerMs;
  const { scrollLeft, clientWidth } = scroller;
  if (x0 >= scrollLeft && x1 <= scrollLeft + clientWidth) return false;
  scroller.scrollTo({ left: Math.max(0, (x0 + x1) / 2 - clientWidth / 2), behavior });
  return true;
}
