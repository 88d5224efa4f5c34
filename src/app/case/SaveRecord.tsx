import { useState } from 'react';
import { toCsv } from '../../core/ecg/export/csv-writer';
import { safeName, toWfdb } from '../../core/ecg/export/wfdb-writer';
import type { EcgRecord } from '../../core/ecg/types';
import { isEcgError } from '../../core/errors';

/** Hand bytes to the browser as a download (nothing leaves the machine). */
function download(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Save as WFDB / CSV": the loaded record's 12 leads in mV for the research tools (and our CLI). */
export function SaveRecord({ record }: { record: EcgRecord }) {
  const [error, setError] = useState<string | null>(null);
  const save = (to: 'wfdb' | 'csv') => {
    try {
      setError(null);
      if (to === 'csv') download(`${safeName(record.name)}.csv`, toCsv(record), 'text/csv');
      else for (const [name, bytes] of toWfdb(record).files) download(name, bytes, 'application/octet-stream');
    } catch (e) {
      setError(isEcgError(e) ? e.message : String(e));
    }
  };
  return (
    <div className="save-record" data-testid="save-record">
      <span>Save this record as</span>
      <button type="button" className="button" onClick={() => save('wfdb')}>
        WFDB (.hea + .dat)
      </button>
      <button type="button" className="button" onClick={() => save('csv')}>
        CSV
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
