import { EcgError } from '../../errors';
import { assembleRecord, type ParsedChannel } from '../assemble';
import { millivoltsPer } from '../units';
import type { DeviceMeasurement, EcgRecord, ExtraSeries } from '../types';
import { mdcLeadName } from './lead-codes';
import { dicomDateTime } from './dicom';
import { at, attr, child, children, descendants, parseXmlTree, text, type XNode } from './xml-tree';

interface Series {
  code: string;
  fsHz: number;
  channels: ParsedChannel[];
}

/**
 * HL7 v3 annotated ECG (`AnnotatedECG`, the FDA format). The RHYTHM series becomes the record; other series
 * (representative beats) are kept as extra series. Each lead is an `SLIST_PQ` (or `SLIST_INT`): value = origin +
 * scale × digit; the time sequence's increment gives the rate. Annotations: the device's rhythm and beat
 * statements and its PQ measurements are kept as "the device says".
 */
export function readAecgRecord(xmlText: string, fileName: string): EcgRecord {
  const bad = (message: string, field?: string) => new EcgError('bad-xml', message, { file: fileName, field });
  const root = parseXmlTree(xmlText, fileName).AnnotatedECG as XNode | undefined;
  if (!root || typeof root !== 'object') throw bad('no AnnotatedECG root element', 'AnnotatedECG');
  const seriesNodes = [...descendants(root, 'series'), ...descendants(root, 'derivedSeries')];
  if (seriesNodes.length === 0) throw bad('no <series>: the file holds no waveforms', 'series');
  const series = seriesNodes.map((s, k) => readSeries(s, k, fileName));
  const rhythmIndex = Math.max(
    0,
    series.findIndex((s) => s.code === 'RHYTHM'),
  );
  const rhythm = series[rhythmIndex];
  const extraSeries: ExtraSeries[] = series
    .filter((_, k) => k !== rhythmIndex)
    .map((s) => ({
      label: s.code,
      fsHz: s.fsHz,
      channels: s.channels.map((c) => ({
        name: c.name,
        units: 'mV',
        samples: Float32Array.from(c.values, (v) => v * (millivoltsPer(c.units) ?? 1)),
      })),
    }));
  const rhythmNode = seriesNodes[rhythmIndex];
  const author = at(rhythmNode, 'author', 'seriesAuthor');
  const deviceNode = child(author, 'manufacturedSeriesDevice');
  const device = [
    text(child(at(author, 'manufacturerOrganization'), 'name')),
    text(child(deviceNode, 'manufacturerModelName')),
    text(child(deviceNode, 'softwareName')),
  ]
    .filter(Boolean)
    .join(' · ');
  const acquired = dicomDateTime(
    attr(at(root, 'effectiveTime', 'center'), 'value') ?? attr(at(root, 'effectiveTime', 'low'), 'value'),
  );
  const { statements, measurements, count } = readAnnotations(root);
  const notes = [`HL7 aECG series "${rhythm.code}" read as the record`];
  if (extraSeries.length)
    notes.push(`kept beside it, not used by the model: ${extraSeries.map((s) => `"${s.label}"`).join(', ')}`);
  if (count) notes.push(`${count} device annotations in the file (statements, measurements, wave boundaries)`);
  return assembleRecord({
    name: fileName.replace(/\.xml$/i, ''),
    format: 'hl7-aecg',
    fsHz: rhythm.fsHz,
    channels: rhythm.channels,
    comments: [],
    sourceFiles: [fileName],
    notes,
    mainFile: fileName,
    extraSeries,
    device: { ...(device ? { device } : {}), ...(acquired ? { acquired } : {}), statements, measurements },
  });
}

function readSeries(s: XNode, k: number, file: string): Series {
  const code = attr(child(s, 'code'), 'code') ?? `series ${k + 1}`;
  const bad = (message: string, field?: string) =>
    new EcgError('bad-xml', `series ${code}: ${message}`, { file, field });
  let fsHz = NaN;
  const channels: ParsedChannel[] = [];
  for (const comp of children(at(s, 'component', 'sequenceSet'), 'component')) {
    const seq = child(comp, 'sequence');
    const seqCode = attr(child(seq, 'code'), 'code') ?? '';
    const value = child(seq, 'value');
    const type = attr(value, 'type')?.replace(/^.*:/, '') ?? '';
    if (/^TIME_/.test(seqCode)) {
      const inc = child(value, 'increment');
      const step = Number(attr(inc, 'value'));
      const unit = attr(inc, 'unit') ?? 's';
      const seconds = step * ({ s: 1, ms: 1e-3, us: 1e-6 } as Record<string, number>)[unit];
      if (!(seconds > 0))
        throw bad(`time increment "${attr(inc, 'value')} ${unit}" is not a positive duration`, 'increment');
      fsHz = Math.round((1 / seconds) * 1e6) / 1e6;
      continue;
    }
    if (type !== 'SLIST_PQ' && type !== 'SLIST_INT') continue;
    const origin = child(value, 'origin');
    const scale = child(value, 'scale');
    const digitsText = text(child(value, 'digits')) ?? '';
    const units = attr(scale, 'unit') ?? (type === 'SLIST_INT' ? 'uV' : 'uV');
    const o =
      Number(attr(origin, 'value') ?? 0) *
      ((millivoltsPer(attr(origin, 'unit') ?? units) ?? 1) / (millivoltsPer(units) ?? 1));
    const sc = Number(attr(scale, 'value') ?? 1);
    const name = mdcLeadName(seqCode);
    if (!Number.isFinite(o) || !Number.isFinite(sc) || sc === 0)
      throw bad(
        `lead ${name}: origin "${attr(origin, 'value')}" / scale "${attr(scale, 'value')}" are not numbers`,
        'scale',
      );
    const tokens = digitsText.split(/\s+/).filter(Boolean);
    const values = new Float64Array(tokens.length);
    for (let n = 0; n < tokens.length; n++) {
      const d = Number(tokens[n]);
      if (!/^[-+]?\d+$/.test(tokens[n]))
        throw bad(`lead ${name}: digit ${n + 1} "${tokens[n].slice(0, 20)}" is not an integer`, 'digits');
      values[n] = o + sc * d;
    }
    channels.push({ name, units, values });
  }
  if (channels.length === 0) throw bad('no lead sequences (SLIST_PQ / SLIST_INT)', 'sequence');
  if (!(fsHz > 0)) throw bad('no time sequence with an increment: the sampling rate is unknown', 'increment');
  return { code, fsHz, channels };
}

/** Device statements (coded values with a display name) and measurements (PQ values), without duplicates. */
function readAnnotations(root: XNode): { statements: string[]; measurements: DeviceMeasurement[]; count: number } {
  const annotations = descendants(root, 'annotation');
  const statements = new Set<string>();
  const seen = new Set<string>();
  const measurements: DeviceMeasurement[] = [];
  for (const a of annotations) {
    const value = child(a, 'value');
    const type = attr(value, 'type')?.replace(/^.*:/, '');
    const code = attr(child(a, 'code'), 'code') ?? '';
    if (type === 'CE' && /^MDC_ECG_(RHY|BEAT|INTERP)/.test(code) && !/^MDC_ECG_BEAT$/.test(code)) {
      statements.add(attr(value, 'displayName') ?? attr(value, 'code') ?? '');
    } else if (type === 'ST' && text(value)) {
      statements.add(text(value)!);
    } else if (type === 'PQ' && attr(value, 'value') !== undefined) {
      const m = { name: code.replace(/^MDC_ECG_/, ''), value: attr(value, 'value')!, units: attr(value, 'unit') };
      const key = `${m.name}=${m.value}${m.units}`;
      if (!seen.has(key)) measurements.push(m);
      seen.add(key);
    }
  }
  statements.delete('');
  return { statements: [...statements], measurements: measurements.slice(0, 60), count: annotations.length };
}
