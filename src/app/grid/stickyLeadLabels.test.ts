import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { DEFAULT_GRID_SPEC, computeGridLayout, msToX } from './layout';
import { paperRows } from './paperLayouts';
import { leadsAtLeftEdge } from './stickyLeadLabels';

const win = { startMs: 3472, durationMs: 400 };
const metricsOf = (layout: '12x1' | '3x4') =>
  computeGridLayout({ ...DEFAULT_GRID_SPEC, leads: STANDARD_LEADS, ...paperRows(layout, 10_000, win) });

describe('leadsAtLeftEdge', () => {
  it('says nothing while the paper’s own labels are in view', () => {
    const m = metricsOf('12x1');
    expect(leadsAtLeftEdge(m, 0, 10 * m.pxPerMm).every((l) => l === null)).toBe(true);
  });

  it('12×1: every row keeps its lead wherever the paper is scrolled', () => {
    const m = metricsOf('12x1');
    expect(leadsAtLeftEdge(m, msToX(m, 7000), 10 * m.pxPerMm)).toEqual([...STANDARD_LEADS]);
  });

  it('3×4 + II: the lead of the column at the left edge, and II on the rhythm strip', () => {
    const m = metricsOf('3x4');
    expect(leadsAtLeftEdge(m, msToX(m, 5200), 10 * m.pxPerMm)).toEqual(['V1', 'V2', 'V3', 'II']);
    expect(leadsAtLeftEdge(m, msToX(m, 2600), 10 * m.pxPerMm)).toEqual(['aVR', 'aVL', 'aVF', 'II']);
  });
});
