/**
 * Several records dropped at once: which files belong to the first one. A record is its files with one stem
 * ("00285_hr.hea" + "00285_hr.dat"; LUDB's "1.hea" + "1.dat" + "1.i" …); only stems with a header or a one-file record (CSV, .npy, DICOM, SCP, XML) count as
 * records (a lone .dat is still reported by the core as missing its header). Records are taken in name order.
 */
export interface RecordPick {
  /** The stem opened, and the file names that belong to it. */
  stem: string;
  files: string[];
  /** Stems of the other records, not opened. */
  others: string[];
}

const stemOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
};
const opensRecord = (name: string): boolean => /\.(hea|csv|npy|dcm|scp|xml)$/i.test(name);

/** Null when the names hold at most one record (then all of them are passed on, as before). */
export function pickFirstRecord(names: readonly string[]): RecordPick | null {
  const stems = [...new Set(names.filter(opensRecord).map(stemOf))].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  if (stems.length < 2) return null;
  const [stem, ...others] = stems;
  return { stem, files: names.filter((n) => stemOf(n) === stem), others };
}

/** The sentence the case summary shows when more than one record was given. */
export function describePick(p: RecordPick): string {
  const n = p.others.length + 1;
  return `${n} records were given at once: opened “${p.stem}”. Open ${p.others.map((s) => `“${s}”`).join(', ')} on ${p.others.length === 1 ? 'its' : 'their'} own to see ${p.others.length === 1 ? 'it' : 'them'}.`;
}
