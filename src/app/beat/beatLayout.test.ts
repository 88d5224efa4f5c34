import { describe, expect, it } from 'vitest';
import { CSS_PX_PER_MM } from '../grid/layout';
import { BEAT_LABEL_WIDTH, beatBaseline, beatLayout, beatMs, beatX } from './beatLayout';
import { boundaryMarks } from './drawBeat';

describe('beat panel geometry', () => {
  it('maps the 400 ms window onto the plot width and states the paper speed that gives', () => {
    const width = BEAT_LABEL_WIDTH + 8 + 40 * CSS_PX_PER_MM; // 40 mm of plot for 400 ms
    const l = beatLayout(width, 600, 400);
    expect(l.mmPerS).toBeCloseTo(100, 6);
    expect(beatX(l, 0)).toBe(BEAT_LABEL_WIDTH);
    expect(beatX(l, 400)).toBeCloseTo(l.right, 9);
    expect(beatMs(l, beatX(l, 123))).toBeCloseTo(123, 9);
  });
  it('keeps the clinical speed:gain ratio (100 mm/s ↔ 40 mm/mV) until ±1.1 mV would leave a row', () => {
    const tall = beatLayout(BEAT_LABEL_WIDTH + 8 + 40 * CSS_PX_PER_MM, 5000, 400);
    expect(tall.mmPerMv).toBeCloseTo(40, 6);
    const short = beatLayout(BEAT_LABEL_WIDTH + 8 + 40 * CSS_PX_PER_MM, 400, 400);
    expect(short.pxPerMv).toBeCloseTo(short.rowHeight / 2.2, 9);
    expect(beatBaseline(short, 11) + short.rowHeight / 2).toBeCloseTo(short.bottom, 9); // 12 rows fill the plot
  });
  it('z-scored arrays (SD units): 100 mm/s ↔ 10 mm/SD, capped at ±4.4 SD in a row', () => {
    const tall = beatLayout(BEAT_LABEL_WIDTH + 8 + 40 * CSS_PX_PER_MM, 5000, 400, 12, 'SD');
    expect(tall.mmPerMv).toBeCloseTo(10, 6);
    const short = beatLayout(BEAT_LABEL_WIDTH + 8 + 40 * CSS_PX_PER_MM, 400, 400, 12, 'SD');
    expect(short.pxPerMv).toBeCloseTo(short.rowHeight / 8.8, 9);
  });
  it('marks QRS end, T onset and T end where the waves are known', () => {
    expect(boundaryMarks({ qrsEndMs: 84, tOnsetMs: 174, tEndMs: 342 }).map((m) => m.ms)).toEqual([84, 174, 342]);
    expect(boundaryMarks({ qrsEndMs: 90, tOnsetMs: null, tEndMs: null })).toEqual([{ ms: 90, label: 'QRS end' }]);
    expect(boundaryMarks(null)).toEqual([]);
  });
});
