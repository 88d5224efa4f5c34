import { useEffect, useState } from 'react';
import { useServices } from '../services/AppServices';

const carriesFiles = (e: DragEvent): boolean => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Drag-and-drop anywhere on the page: while files are dragged over the window a full-page overlay says what
 * will happen; dropping opens them like "Open files…". Other drags (text, links) are left alone.
 */
export function DropZone() {
  const { navigation } = useServices();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // without this the browser would navigate to the dropped file
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) void navigation?.openFiles(files);
    };
    const reset = () => {
      depth = 0;
      setDragging(false);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('dragend', reset);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">Drop ECG files to open them</p>
        <p>
          A <code>.hea</code> with its <code>.dat</code> or <code>.mat</code>, a <code>.csv</code>, <code>.npy</code>,
          <code>.dcm</code>, <code>.scp</code> or ECG <code>.xml</code>. Files are read in this browser; nothing is
          uploaded.
        </p>
      </div>
    </div>
  );
}
