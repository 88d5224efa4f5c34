/**
 * A WFDB record in storage format 16 (little-endian int16, the 12 signals interleaved frame by frame), gain
 * 1000/mV, baseline 0, with the WFDB checksum (16-bit sum of each signal's samples) and first value per signal, as
 * in PTB-XL's headers (header(5) of the WFDB library). Pure: returns the .hea text and the .dat bytes.
 */
import { STANDARD_LEADS } from '../ecg/types';

export interface WfdbFiles {
  header: string;
  dat: Uint8Array;
}

export function writeWfdbFormat16(
  name: string,
  signals: readonly Int16Array[],
  fsHz: number,
  gainPerMv: number,
  comments: readonly string[] = [],
): WfdbFiles {
  if (signals.length !== STANDARD_LEADS.length)
    throw new Error(`expected ${STANDARD_LEADS.length} signals, got ${signals.length}`);
  const n = signals[0].length;
  if (signals.some((s) => s.length !== n)) throw new Error('all signals must have the same length');
  const dat = new Uint8Array(2 * n * signals.length);
  const view = new DataView(dat.buffer);
  for (let t = 0; t < n; t++)
    for (let c = 0; c < signals.length; c++) view.setInt16(2 * (t * signals.length + c), signals[c][t], true);
  const lines = [`${name} ${signals.length} ${fsHz} ${n}`];
  signals.forEach((s, c) => {
    let sum = 0;
    for (let t = 0; t < n; t++) sum = (sum + s[t]) & 0xffff;
    lines.push(`${name}.dat 16 ${gainPerMv}(0)/mV 16 0 ${n > 0 ? s[0] : 0} ${sum} 0 ${STANDARD_LEADS[c]}`);
  });
  for (const c of comments) lines.push(`# ${c}`);
  return { header: lines.join('\n') + '\n', dat };
}
