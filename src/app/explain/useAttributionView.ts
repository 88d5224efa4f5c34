import { useMemo } from 'react';
import { selectExplanation } from '../store/explainSlice';
import { selectPrediction } from '../store/inferenceSlice';
import { useAppStore } from '../store/useAppStore';
import { type AttributionView, attributionView } from './attributionView';

/** The open case's attributions for the chosen method and display, or null: what the grid, map and 3D view draw. */
export function useAttributionView(): AttributionView | null {
  const explanation = useAppStore(selectExplanation);
  const prediction = useAppStore(selectPrediction);
  const display = useAppStore((s) => s.attributionDisplay);
  const C = useAppStore((s) => s.loadedModel?.model.channels ?? 12);
  return useMemo(
    () => (explanation && prediction ? attributionView(explanation.attributions, C, display, prediction.label) : null),
    [explanation, prediction, C, display],
  );
}
