import { beforeAll, describe, expect, it } from 'vitest';
import { EcgError } from '../../errors';
import { loadRecord } from '../load';
import { loadLib } from './libs';

/**
 * Small hand-written MUSE and aECG files (no dataset needed): every number here is chosen so the expected mV
 * follow by hand, and the device's report is read while the patient's identifiers are not.
 */

const N = 1000; // 2 s at 500 Hz
const wave = (k: number, lead: number) => Math.round(200 * Math.sin((2 * Math.PI * k) / 250) * (lead + 1));

function b64Int16(values: number[]): string {
  const bytes = new Uint8Array(values.length * 2);
  const dv = new DataView(bytes.buffer);
  values.forEach((v, i) => dv.setInt16(2 * i, v, true));
  return btoa(String.fromCharCode(...bytes));
}

function museXml(leads = ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']): string {
  const leadData = leads
    .map(
      (id, l) => `
    <LeadData>
      <LeadByteCountTotal>${2 * N}</LeadByteCountTotal>
      <LeadSampleCountTotal>${N}</LeadSampleCountTotal>
      <LeadAmplitudeUnitsPerBit>4.88</LeadAmplitudeUnitsPerBit>
      <LeadAmplitudeUnits>MICROVOLTS</LeadAmplitudeUnits>
      <LeadID>${id}</LeadID>
      <LeadSampleSize>2</LeadSampleSize>
      <WaveFormData>${b64Int16(Array.from({ length: N }, (_, k) => wave(k, l)))}</WaveFormData>
    </LeadData>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE RestingECG SYSTEM "restecg.dtd">
<RestingECG>
  <MuseInfo><MuseVersion>9.0.9</MuseVersion></MuseInfo>
  <PatientDemographics><PatientID>SECRET-ID-123</PatientID><PatientLastName>Müller</PatientLastName></PatientDemographics>
  <TestDemographics><AcquisitionDevice>MAC55</AcquisitionDevice><AcquisitionDate>03-14-2021</AcquisitionDate><AcquisitionTime>08:15:30</AcquisitionTime></TestDemographics>
  <RestingECGMeasurements><VentricularRate>120</VentricularRate><QRSDuration>88</QRSDuration><RAxis>-12</RAxis></RestingECGMeasurements>
  <Diagnosis><DiagnosisStatement><StmtText>Sinus tachycardia</StmtText></DiagnosisStatement><DiagnosisStatement><StmtText>Otherwise normal ECG</StmtText></DiagnosisStatement></Diagnosis>
  <Waveform><WaveformType>Rhythm</WaveformType><SampleBase>500</SampleBase><SampleExponent>0</SampleExponent>${leadData}
  </Waveform>
</RestingECG>`;
}

function aecgXml(
  digitsOf: (lead: number) => string = (l) => Array.from({ length: N }, (_, k) => wave(k, l)).join(' '),
): string {
  const codes = ['I', 'II', 'III', 'AVR', 'AVL', 'AVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
  const seqs = codes
    .map(
      (c, l) => `
    <component><sequence><code code="MDC_ECG_LEAD_${c}"/>
      <value xsi:type="SLIST_PQ"><origin value="10" unit="uV"/><scale value="2.5" unit="uV"/><digits>${digitsOf(l)}</digits></value>
    </sequence></component>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<AnnotatedECG xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <effectiveTime><center value="20200102030405"/></effectiveTime>
  <componentOf><timepointEvent><componentOf><subjectAssignment><subject><trialSubject><id extension="SUBJ-42"/></trialSubject></subject></subjectAssignment></componentOf></timepointEvent></componentOf>
  <component><series><code code="RHYTHM"/>
    <author><seriesAuthor><manufacturedSeriesDevice><manufacturerModelName>CartX</manufacturerModelName></manufacturedSeriesDevice></seriesAuthor></author>
    <component><sequenceSet>
      <component><sequence><code code="TIME_ABSOLUTE"/><value xsi:type="GLIST_TS"><head value="20200102030405.000"/><increment value="2" unit="ms"/></value></sequence></component>${seqs}
    </sequenceSet></component>
    <subjectOf><annotationSet><component><annotation><code code="MDC_ECG_INTERPRETATION_STATEMENT"/><value xsi:type="ST">Normal sinus rhythm</value></annotation></component>
      <component><annotation><code code="MDC_ECG_TIME_PD_QRS"/><value xsi:type="PQ" value="92" unit="ms"/></annotation></component></annotationSet></subjectOf>
  </series></component>
</AnnotatedECG>`;
}

const open = (name: string, text: string, encoding: 'latin1' | 'utf8' = 'utf8') =>
  loadRecord(
    new Map([
      [name, encoding === 'latin1' ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text)],
    ]),
  );

beforeAll(() => loadLib('xml'));

describe('GE MUSE (hand-written)', () => {
  it('8 stored leads × 4.88 µV → mV, 4 limb leads computed, the device report without the patient', () => {
    const r = open('m.xml', museXml(), 'latin1');
    expect(r).toMatchObject({ format: 'ge-muse', fsHz: 500, nSamples: N, derivedLeads: ['III', 'aVR', 'aVL', 'aVF'] });
    expect(r.leadsMv[0][60]).toBeCloseTo((wave(60, 0) * 4.88) / 1000, 6);
    expect(r.leadsMv[6][60]).toBeCloseTo((wave(60, 2) * 4.88) / 1000, 6); // V1 was the third stored lead
    expect(r.leadsMv[2][60]).toBeCloseTo(r.leadsMv[1][60] - r.leadsMv[0][60], 6);
    expect(r.device).toEqual({
      device: 'MAC55 · MUSE 9.0.9',
      acquired: '2021-03-14T08:15:30',
      statements: ['Sinus tachycardia', 'Otherwise normal ECG'],
      measurements: [
        { name: 'VentricularRate', value: '120', units: 'bpm' },
        { name: 'QRSDuration', value: '88', units: 'ms' },
        { name: 'RAxis', value: '-12', units: 'deg' },
      ],
    });
    expect(JSON.stringify(r)).not.toMatch(/SECRET-ID|Müller/);
  });

  it('a lead missing from the 8 is named', () => {
    expect(() => open('m.xml', museXml(['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5']), 'latin1')).toThrow(
      /missing lead V6/,
    );
  });
});

describe('HL7 aECG (hand-written)', () => {
  it('origin + scale × digit in µV → mV; increment 2 ms → 500 Hz; statements and measurements; no subject id', () => {
    const r = open('a.xml', aecgXml());
    expect(r).toMatchObject({ format: 'hl7-aecg', fsHz: 500, nSamples: N, derivedLeads: [] });
    expect(r.leadsMv[3][17]).toBeCloseTo((10 + 2.5 * wave(17, 3)) / 1000, 6); // aVR
    expect(r.device).toMatchObject({
      device: 'CartX',
      acquired: '2020-01-02T03:04:05',
      statements: ['Normal sinus rhythm'],
      measurements: [{ name: 'TIME_PD_QRS', value: '92', units: 'ms' }],
    });
    expect(JSON.stringify(r)).not.toMatch(/SUBJ-42/);
  });

  it('a lead with fewer digits, or a non-integer digit, is a named error', () => {
    expect(() =>
      open(
        'a.xml',
        aecgXml((l) => Array.from({ length: l === 7 ? N - 1 : N }, () => 1).join(' ')),
      ),
    ).toThrow(/channel V2 has 999 samples/);
    const e = (() => {
      try {
        open(
          'a.xml',
          aecgXml((l) => (l === 0 ? '1 2 3.5 4' : '1 2 3 4')),
        );
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(EcgError);
    expect((e as EcgError).message).toMatch(/lead I: digit 3 "3.5" is not an integer/);
  });
});
