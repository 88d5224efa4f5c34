import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the page is laid out for print. `beforeprint` is flushed synchronously so that the printout is laid out
 * with it; the media query also covers emulated print media (tests) and print preview changes.
 */
export function usePrintMedia(): boolean {
  const [printing, setPrinting] = useState(() => typeof matchMedia === 'function' && matchMedia('print').matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('print');
    const on = () => setPrinting(mq.matches);
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(mq.matches);
    mq.addEventListener('change', on);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      mq.removeEventListener('change', on);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
