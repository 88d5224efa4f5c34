/**
 * A tour is data: a case, an optional contrast case, and steps that name a statement template (templates.ts) with its
 * parameters and the view to show. Nothing in a tour definition is a number about the case: every number and claim in
 * the text comes from CaseFacts when the tour runs.
 */

/** The 3D view's camera presets by name (src/app/heart/presets.ts). */
export type TourCamera = 'anterior' | 'left-lateral' | 'lao45' | 'superior' | 'four-chamber' | 'fit';

/** A QRS shape to look for in some leads (qrs-pattern.ts patternMatches). */
export interface ShapeExpectation {
  leads: string[];
  shape: string;
}

export type TourStepSpec =
  | { template: 'qrs-axis'; params: { expect: 'left axis deviation' | 'right axis deviation' | 'normal' } }
  | { template: 'qrs-shapes'; params: { shapes: ShapeExpectation[] } }
  | { template: 'qrs-duration'; params: { atLeastMs: number; condition: string } }
  | { template: 'attention'; params: Record<string, never> }
  | { template: 'trajectory-interval'; params: { interval: 'attention' | [number, number]; expect: string[] } }
  | { template: 'contrast'; params: { interval: 'attention' | [number, number] } };

export interface TourStepView {
  /** Camera preset of the 3D view on entering the step. */
  camera?: TourCamera;
  /** Where the shared time cursor goes: the start, middle or end of the step's highlighted span. */
  cursor?: 'start' | 'middle' | 'end';
}

export type TourStep = TourStepSpec & {
  id: string;
  title: string;
  view: TourStepView;
  /** The step needs the case explained (the app runs the chosen method, IG by default, on entering it). */
  needsExplanation?: boolean;
};

export interface TourDefinition {
  id: string;
  title: string;
  /** The demo case (public/cases manifest id) the tour is given on. */
  caseId: string;
  /** A case shown beside it for contrast (loaded, not opened). */
  contrastCaseId?: string;
  /** A skeleton has fewer steps and is not a full lesson yet (said in the UI). */
  skeleton?: boolean;
  steps: TourStep[];
}
