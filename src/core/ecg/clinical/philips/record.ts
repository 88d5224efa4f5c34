import { EcgError } from '../../../errors';
import { checkLength, checkSampleRate } from '../../limits';
import { assembleRecord, type ParsedChannel } from '../../assemble';
import { STANDARD_LEADS, type DeviceMeasurement, type EcgRecord } from '../../types';
import { decodeBase64 } from '../base64';
import { at, attr, child, children, parseXmlTree, text, type XNode } from '../xml-tree';
import { decodeXli } from './xli';

/**
 * Philips XML (`restingecgdata`, SierraECG 1.03 / 1.04, UTF-8 or UTF-16). `parsedwaveforms` is base64, XLI
 * compressed (LZW + second-order deltas, see xli.ts) or plain int16; samples × resolution µV. III, aVR, aVL and
 * aVF are stored as residuals against the values derived from I and II (and III), and are rebuilt here.
 * The device's measurements and statements are kept; the patient element is never read.
 */
export function readPhilipsRecord(xmlText: string, fileName: string): EcgRecord {
  const bad = (message: string, field: string) => new EcgError('bad-xml', message, { file: fileName, field });
  const root = parseXmlTree(xmlText, fileName).restingecgdata as XNode | undefined;
  if (!root || typeof root !== 'object') throw bad('no restingecgdata root element', 'restingecgdata');
  const version = text(at(root, 'documentinfo', 'documentversion')) ?? '?';
  const acq = child(root, 'dataacquisition');
  const sig = child(acq, 'signalcharacteristics');
  const wf = at(root, 'waveforms', 'parsedwaveforms');
  if (!wf) throw bad('no waveforms/parsedwaveforms element', 'parsedwaveforms');
  const fsHz = Number(attr(wf, 'samplespersecond') ?? text(child(sig, 'samplingrate')));
  const resolutionUv = Number(
    attr(wf, 'resolution') ?? text(child(sig, 'resolution')) ?? text(child(sig, 'signalresolution')),
  );
  const durationMs = Number(attr(wf, 'durationperchannel'));
  const method =
    attr(wf, 'compression') ?? attr(wf, 'compressmethod') ?? (attr(wf, 'compressflag') === 'True' ? 'XLI' : 'none');
  const encoding = attr(wf, 'dataencoding') ?? 'Base64';
  const labels = (attr(wf, 'leadlabels') ?? STANDARD_LEADS.join(' ')).trim().split(/\s+/);
  const nLeads = Number(attr(wf, 'numberofleads') ?? text(child(sig, 'numberchannelsvalid')) ?? labels.length);
  if (!(fsHz > 0))
    throw bad(
      `sampling rate "${attr(wf, 'samplespersecond') ?? text(child(sig, 'samplingrate'))}" is not a positive number`,
      'samplingrate',
    );
  if (!(resolutionUv > 0))
    throw bad('no positive resolution (µV per unit) in parsedwaveforms or signalcharacteristics', 'resolution');
  if (!(durationMs > 0))
    throw bad(
      `durationperchannel "${attr(wf, 'durationperchannel')}" is not a positive number of ms`,
      'durationperchannel',
    );
  if (!Number.isInteger(nLeads) || nLeads < 1 || nLeads > 16)
    throw bad(`number of leads "${nLeads}" is not 1–16`, 'numberofleads');
  if (encoding !== 'Base64')
    throw new EcgError('unsupported-format', `waveform encoding "${encoding}"; only Base64 is read`, {
      file: fileName,
      field: 'dataencoding',
    });
  const nSamples = Math.round((durationMs * fsHz) / 1000);
  // Before the LZW output buffer (2 bytes per sample) is allocated: a stated hour-long or 1 GHz record stops here.
  checkSampleRate(fsHz, fileName, 'samplingrate');
  checkLength(nSamples, fileName, fsHz);
  const bytes = decodeBase64(text(wf) ?? '', { file: fileName, field: 'parsedwaveforms' });
  if (!/^XLI$/i.test(method))
    throw new EcgError(
      'unsupported-format',
      `waveform compression "${method}"; only XLI is read (the format of every Philips sample we could check)`,
      { file: fileName, field: 'compression' },
    );
  const leads = decodeXli(bytes, nLeads, nSamples, fileName);
  const idx = (name: string) => labels.indexOf(name);
  const reconstructed = rebuildDerivedLeads(leads, idx);
  const channels: ParsedChannel[] = leads.map((x, k) => ({
    name: labels[k] ?? `channel ${k + 1}`,
    units: 'uV',
    values: Float64Array.from(x, (v) => v * resolutionUv),
  }));
  const machine = child(acq, 'machine');
  const device = [text(machine), attr(machine, 'detaildescription')].filter((s) => s && s.trim()).join(' · ');
  const date = attr(acq, 'date');
  const time = attr(acq, 'time');
  const interp = at(root, 'interpretations', 'interpretation');
  const statements = [
    text(child(interp, 'severity')),
    ...children(interp, 'statement').map((s) =>
      [text(child(s, 'leftstatement')), text(child(s, 'rightstatement'))].filter(Boolean).join(' — '),
    ),
  ].filter((s): s is string => !!s && s.trim() !== '');
  const measurements: DeviceMeasurement[] = Object.entries(child(interp, 'interpretationmeasurements') ?? {})
    .filter(
      ([k, v]) =>
        !k.startsWith('@') &&
        (typeof v === 'string' || (typeof v === 'object' && typeof (v as XNode)['#text'] === 'string')),
    )
    .map(([name, v]) => ({
      name,
      value: typeof v === 'string' ? v : ((v as XNode)['#text'] as string),
      ...(/axis$/.test(name) ? { units: 'deg' } : /rate$/.test(name) ? { units: 'bpm' } : { units: 'ms' }),
    }));
  return assembleRecord({
    name: fileName.replace(/\.xml$/i, ''),
    format: 'philips-xml',
    fsHz,
    channels,
    comments: [],
    sourceFiles: [fileName],
    notes: [
      `Philips XML ${version}, ${method} compressed${reconstructed.length ? `; ${reconstructed.join(', ')} rebuilt from their stored residuals` : ''}`,
    ],
    mainFile: fileName,
    device: {
      ...(device ? { device } : {}),
      ...(date ? { acquired: time ? `${date}T${time}` : date } : {}),
      statements,
      measurements,
    },
  });
}

/**
 * Philips stores III, aVR, aVL, aVF as residuals: III = II − I − r, aVR = −r − (I + II)/2,
 * aVL = (I − III)/2 − r, aVF = (II + III)/2 − r (integer halves, floored).
 */
function rebuildDerivedLeads(leads: Int32Array[], idx: (name: string) => number): string[] {
  const [i, ii, iii, avr, avl, avf] = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF'].map((n) => leads[idx(n)]);
  if (!i || !ii || !iii || !avr || !avl || !avf) return [];
  for (let n = 0; n < i.length; n++) {
    iii[n] = ii[n] - i[n] - iii[n];
    avr[n] = -avr[n] - Math.floor((i[n] + ii[n]) / 2);
    avl[n] = Math.floor((i[n] - iii[n]) / 2) - avl[n];
    avf[n] = Math.floor((ii[n] + iii[n]) / 2) - avf[n];
  }
  return ['III', 'aVR', 'aVL', 'aVF'];
}
