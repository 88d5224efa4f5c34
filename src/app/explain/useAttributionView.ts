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
  // Rows = the explained model's channels (its registry entry): the attributions are [T × C], time-major.
  const C = useAppStore((s) => (explanation ? s.models[explanation.source]?.meta.input.channels.length : undefined));
  return useMemo(() => {
    if (!explanation || !prediction || !C) return null;
    return attributionView(explanation.attributions, C, display, prediction.label);
  }, [explanation, prediction, display, C]);
}
