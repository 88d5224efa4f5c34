import { LIMITS } from '../constants';
import { EcgError } from '../errors';

/**
 * The checks behind LIMITS (src/core/constants.ts), shared by every reader so each can refuse as soon as it knows
 * a count — from a header, a shape, a first row — before decoding or allocating anything of that size.
 * Every message names the file (EcgError puts it first), the number found and the limit.
 */

export function checkFileSize(bytes: number, file: string): void {
  if (bytes > LIMITS.maxFileBytes) {
    throw new EcgError(
      'file-too-large',
      `${mib(bytes)} is more than the ${mib(LIMITS.maxFileBytes)} limit for one file`,
      { file },
    );
  }
}

export function checkSampleRate(fsHz: number, file: string, field = 'fs'): void {
  if (!Number.isFinite(fsHz) || fsHz < LIMITS.minSampleRateHz || fsHz > LIMITS.maxSampleRateHz) {
    throw new EcgError(
      'bad-header',
      `sampling rate ${fsHz} Hz is outside ${LIMITS.minSampleRateHz}–${LIMITS.maxSampleRateHz} Hz`,
      { file, field },
    );
  }
}

/** Samples per lead, and the duration they make at `fsHz` (when the rate is known). */
export function checkLength(samplesPerLead: number, file: string, fsHz?: number): void {
  if (samplesPerLead > LIMITS.maxSamplesPerLead) {
    throw new EcgError(
      'too-long',
      `${samplesPerLead} samples per lead; at most ${LIMITS.maxSamplesPerLead} are accepted`,
      { file },
    );
  }
  if (fsHz !== undefined && fsHz > 0 && samplesPerLead / fsHz > LIMITS.maxDurationS) {
    const s = samplesPerLead / fsHz;
    throw new EcgError('too-long', `${s.toFixed(0)} s of recording; at most ${LIMITS.maxDurationS} s are accepted`, {
      file,
    });
  }
}

export function checkChannels(n: number, file: string, what = 'signals'): void {
  if (n > LIMITS.maxChannels) {
    throw new EcgError(
      'too-many-channels',
      `${n} ${what}; at most ${LIMITS.maxChannels} are accepted (a 12-lead ECG needs 8–12)`,
      { file, field: what },
    );
  }
}

function mib(bytes: number): string {
  const m = bytes / 2 ** 20;
  return `${m >= 10 ? m.toFixed(0) : m.toFixed(1)} MiB`;
}
