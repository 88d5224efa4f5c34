/**
 * The files of one synthetic case, by name (the `cli synth` contract): synth-S-i.hea/.dat (the record),
 * synth-S-i-healthy.hea/.dat (its twin) and synth-S-i.truth.json. Pure: the CLI writes them, tests and the
 * benchmark read them back through the ordinary reader (loadRecord) without touching the disk.
 */
import type { SynthRecord } from './generate';
import { SYNTH_GAIN_PER_MV } from './generate';
import { writeWfdbFormat16 } from './wfdb-write';

export interface SynthTruth {
  label: 'normal' | 'abnormal';
  pathology: string;
  fsHz: number;
  mask: Record<string, [number, number][]>;
}

export function truthOf(r: SynthRecord): SynthTruth {
  return { label: r.label, pathology: r.injection.pathology, fsHz: r.fsHz, mask: r.mask };
}

function describe(r: SynthRecord, twin: boolean): string[] {
  const i = r.injection;
  const detail = [
    i.territory && `territory ${i.territory}`,
    i.sign && (i.sign > 0 ? 'elevation' : 'depression'),
    i.side && `${i.side}-sided terminal delay`,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    'synthetic ECG: Gaussian-lobe cardiac dipole projected with the Dower matrix (CineECG Explorer src/core/synth)',
    twin
      ? `healthy twin of ${r.name} (same beats and noise, no injected change)`
      : `pathology: ${i.pathology}${detail ? ` (${detail})` : ''}; label: ${r.label}`,
  ];
}

/** File name → bytes for the record, its twin and the truth. */
export function synthFiles(r: SynthRecord): Map<string, Uint8Array> {
  const enc = new TextEncoder();
  const rec = writeWfdbFormat16(r.name, r.digital, r.fsHz, SYNTH_GAIN_PER_MV, describe(r, false));
  const twin = writeWfdbFormat16(`${r.name}-healthy`, r.twinDigital, r.fsHz, SYNTH_GAIN_PER_MV, describe(r, true));
  return new Map([
    [`${r.name}.hea`, enc.encode(rec.header)],
    [`${r.name}.dat`, rec.dat],
    [`${r.name}-healthy.hea`, enc.encode(twin.header)],
    [`${r.name}-healthy.dat`, twin.dat],
    [`${r.name}.truth.json`, enc.encode(JSON.stringify(truthOf(r)) + '\n')],
  ]);
}

/** Just the record's own two files (or the twin's), as the reader takes them. */
export function recordFilesOf(all: Map<string, Uint8Array>, name: string): Map<string, Uint8Array> {
  return new Map([`${name}.hea`, `${name}.dat`].map((f) => [f, all.get(f)!]));
}
