import { createStore, type StoreApi } from 'zustand/vanilla';
import { type CaseSlice, createCaseSlice } from './caseSlice';
import { type CursorSlice, createCursorSlice } from './cursorSlice';
import { type ExplainSlice, createExplainSlice } from './explainSlice';
import { type FaithfulnessSlice, createFaithfulnessSlice } from './faithfulnessSlice';
import { type InferenceSlice, createInferenceSlice } from './inferenceSlice';
import { type StudySlice, createStudySlice } from './studySlice';
import { type SynthSlice, createSynthSlice } from './synthSlice';
import { type ViewSlice, createViewSlice } from './viewSlice';

/** The whole app state: slices added here as features land (annotation, …). */
export type AppState = CaseSlice &
  ViewSlice &
  InferenceSlice &
  ExplainSlice &
  CursorSlice &
  StudySlice &
  FaithfulnessSlice &
  SynthSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store: main.tsx makes the app's one (passed down through AppServices), tests make their own. No React here. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createCaseSlice(...a),
    ...createViewSlice(...a),
    ...createInferenceSlice(...a),
    ...createExplainSlice(...a),
    ...createCursorSlice(...a),
    ...createStudySlice(...a),
    ...createFaithfulnessSlice(...a),
    ...createSynthSlice(...a),
  }));
}
