import { describe, expect, it } from 'vitest';
import { msToX } from '../grid/layout';
import { recordingContext } from '../testing/recordingContext';
import { annotationLayout } from './annotationGridLayout';
import { DRAFT_FILL, MARK_FILL, MARK_SELECTED_FILL, drawMarks } from './drawMarks';

describe('drawing the expert’s marks on the annotation grid', () => {
  const m = annotationLayout(900, 900);
  const seg = (id: string, lead: string, startMs: number, endMs: number) => ({
    id,
    modality: '12-lead' as const,
    lead,
    startMs,
    endMs,
  });

  it('fills each mark over its own lead’s row, from its start to its end time; the selected one darker', () => {
    const { ctx, of } = recordingContext();
    drawMarks(ctx, m, { segments: [seg('a', 'V2', 40, 90), seg('b', 'aVL', 300, 350)], selectedId: 'b' });
    const fills = of('fillRect');
    expect(fills).toHaveLength(2);
    const v2 = m.rows.find((r) => r.lead === 'V2')!;
    expect(fills[0].args).toEqual([msToX(m, 40), v2.top, msToX(m, 90) - msToX(m, 40), v2.bottom - v2.top]);
    expect(fills[0].fillStyle).toBe(MARK_FILL);
    expect(fills[1].args[1]).toBe(m.rows.find((r) => r.lead === 'aVL')!.top);
    expect(fills[1].fillStyle).toBe(MARK_SELECTED_FILL);
  });

  it('ignores marks of the trajectory (they are drawn on the 3D view) and shows the drag in progress', () => {
    const { ctx, of } = recordingContext();
    drawMarks(ctx, m, {
      segments: [{ id: 't', modality: 'cinecg', lead: 'trajectory', startMs: 0, endMs: 50 }],
      selectedId: null,
      draft: { row: 0, startMs: 120, endMs: 100 },
    });
    const fills = of('fillRect');
    expect(fills).toHaveLength(1);
    expect(fills[0].fillStyle).toBe(DRAFT_FILL);
    expect(fills[0].args[0]).toBe(msToX(m, 100));
  });
});
