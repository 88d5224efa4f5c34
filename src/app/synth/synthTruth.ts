import type { Injection } from '../../core/synth/pathology';

/** What the app knows about an open synthetic case: its truth mask by lead (half-open sample ranges, whole record). */
export interface SynthTruth {
  caseId: string;
  pathology: string;
  twin: boolean;
  label: 'normal' | 'abnormal';
  fsHz: number;
  mask: Record<string, [number, number][]>;
  injection: Injection | null;
}

/** Samples of the mask over all leads (0 for a twin or a normal record). */
export function truthSampleCount(t: SynthTruth): number {
  let n = 0;
  for (const ranges of Object.values(t.mask)) for (const [a, b] of ranges) n += b - a;
  return n;
}

/** Per sample of the model's window [startSample, startSample + length): 1 where any lead's mask has it. */
export function truthInWindowUnion(t: SynthTruth, startSample: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (const ranges of Object.values(t.mask))
    for (const [a, b] of ranges)
      for (let s = Math.max(a, startSample); s < Math.min(b, startSample + length); s++) out[s - startSample] = 1;
  return out;
}
