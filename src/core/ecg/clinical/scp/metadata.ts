import type { DeviceMeasurement, DeviceReport } from '../../types';
import type { ScpSection } from './sections';

/**
 * The device's own report in an SCP-ECG: from section 1 only the acquiring device (tag 14) and the acquisition
 * date and time (tags 25, 26) — the patient tags (names, ID, birth date …) are never read; section 7's global
 * intervals and axes; section 8's interpretive statements.
 */
export function readScpDevice(sections: Map<number, ScpSection>): DeviceReport {
  const report: DeviceReport = { statements: [], measurements: [] };
  const s1 = sections.get(1);
  if (s1) {
    let date: string | undefined;
    let time: string | undefined;
    for (let p = 0; p + 3 <= s1.data.length;) {
      const tag = s1.data[p];
      const len = s1.view.getUint16(p + 1, true);
      if (tag === 255 || p + 3 + len > s1.data.length) break;
      const v = s1.data.subarray(p + 3, p + 3 + len);
      const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
      if (tag === 14 && len > 8) {
        // Fixed part (institution, department, device ids, model description at 8–13), then text fields.
        const words = new TextDecoder('latin1')
          .decode(v.subarray(8))
          // eslint-disable-next-line no-control-regex -- SCP text fields are separated by NUL and control bytes on purpose
          .split(/[\0\x01-\x1f]+/)
          .map((s) => s.trim())
          .filter((s) => s.length >= 2 && /^[\x20-\x7e]+$/.test(s) && !/^unknown$/i.test(s));
        if (words.length) report.device = [...new Set(words)].join(' · ');
      } else if (tag === 25 && len >= 4) {
        date = `${dv.getUint16(0, true)}-${pad(v[2])}-${pad(v[3])}`;
      } else if (tag === 26 && len >= 3) {
        time = `${pad(v[0])}:${pad(v[1])}:${pad(v[2])}`;
      }
      p += 3 + len;
    }
    if (date) report.acquired = time ? `${date}T${time}` : date;
  }
  const s7 = sections.get(7);
  if (s7 && s7.data.length >= 2 + 20) report.measurements = globalMeasurements(s7);
  const s8 = sections.get(8);
  if (s8 && s8.data.length >= 9) {
    let p = 9; // confirmed flag, date (4), time (3), number of statements
    for (let k = 0; k < s8.data[8] && p + 3 <= s8.data.length; k++) {
      const len = s8.view.getUint16(p + 1, true);
      const text = new TextDecoder('latin1')
        .decode(s8.data.subarray(p + 3, Math.min(s8.data.length, p + 3 + len)))
        .replace(/\0.*$/s, '')
        .trim();
      if (text) report.statements.push(text);
      p += 3 + len;
    }
  }
  return report;
}

/**
 * Section 7, first measurement block (after the 2-byte count header): RR and PP interval, P onset/offset, QRS
 * onset/offset, T offset (ms), P/QRS/T axes (degrees); 29999 means "not computed".
 */
function globalMeasurements(s7: ScpSection): DeviceMeasurement[] {
  const v = (k: number) => s7.view.getUint16(2 + 2 * k, true);
  const axis = (k: number) => s7.view.getInt16(2 + 2 * k, true);
  const ok = (x: number) => x !== 29999 && x !== 0xffff;
  const [rr, pp, pOn, pOff, qrsOn, qrsOff, tOff] = [0, 1, 2, 3, 4, 5, 6].map(v);
  const out: DeviceMeasurement[] = [];
  if (ok(rr) && rr > 0) out.push({ name: 'RR interval', value: String(rr), units: 'ms' });
  if (ok(pp) && pp > 0) out.push({ name: 'PP interval', value: String(pp), units: 'ms' });
  if (ok(pOn) && ok(qrsOn) && qrsOn > pOn) out.push({ name: 'PR interval', value: String(qrsOn - pOn), units: 'ms' });
  if (ok(qrsOn) && ok(qrsOff) && qrsOff > qrsOn)
    out.push({ name: 'QRS duration', value: String(qrsOff - qrsOn), units: 'ms' });
  if (ok(qrsOn) && ok(tOff) && tOff > qrsOn)
    out.push({ name: 'QT interval', value: String(tOff - qrsOn), units: 'ms' });
  if (ok(pOn) && ok(pOff) && pOff > pOn) out.push({ name: 'P duration', value: String(pOff - pOn), units: 'ms' });
  ['P axis', 'QRS axis', 'T axis'].forEach((name, k) => {
    const a = axis(7 + k);
    if (a !== 29999 && Math.abs(a) <= 360) out.push({ name, value: String(a), units: 'deg' });
  });
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
