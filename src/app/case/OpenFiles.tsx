import { type ChangeEvent, useRef } from 'react';
import { useServices } from '../services/AppServices';
import './formats.css';
import { NpyOptionsFields } from './NpyOptionsFields';
import { ACCEPTED_EXTENSIONS } from './readLocalFiles';

/** "Open files…": a real button in front of a hidden file input, with the promise that nothing is uploaded. */
export function OpenFiles() {
  const { navigation } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = ''; // choosing the same files again still fires `change`
    if (files.length > 0) void navigation?.openFiles(files);
  };
  return (
    <div className="open-files">
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        aria-describedby="open-files-note"
        title="A .hea with its .dat or .mat, or a .csv; pick them together or drop them anywhere on the page. Nothing is uploaded."
      >
        Open files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_EXTENSIONS.join(',')}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="ECG record files"
        data-testid="open-files-input"
        onChange={onChange}
      />
      <p id="open-files-note" className="open-files-note visually-hidden" data-testid="local-files-note">
        Your own record: a <code>.hea</code> with its <code>.dat</code> or <code>.mat</code>, a <code>.csv</code>, a
        NumPy <code>.npy</code>, a DICOM waveform (<code>.dcm</code>), an SCP-ECG (<code>.scp</code>), or an HL7 aECG,
        GE MUSE or Philips <code>.xml</code> — pick them together or drop them anywhere on the page. Files are read in
        this browser; nothing is uploaded.
      </p>
      <NpyOptionsFields />
    </div>
  );
}
