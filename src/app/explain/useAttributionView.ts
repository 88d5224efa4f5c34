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
  return useMemo(() => {
    if (!explanation || !prediction) return null;
    const C = explanation.source === 'cine3' ? 3 : 12;
    return attributionView(explanation.attributions, C, display, prediction.label);
  }, [explanation, prediction, display]);
}
