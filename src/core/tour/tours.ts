/**
 * The bundled tours, as data. The LAFB lesson is complete; the complete RBBB tour is a skeleton that reuses the same
 * templates with other parameters, which is the point: a new tour is a new object, not new code.
 */
import type { TourDefinition } from './tour-types';

export const LAFB_TOUR: TourDefinition = {
  id: 'lafb',
  title: 'Why the model calls this LAFB case abnormal',
  caseId: 'ptbxl-00285',
  contrastCaseId: 'ptbxl-00262',
  steps: [
    {
      id: 'axis',
      title: 'The frontal QRS axis',
      template: 'qrs-axis',
      params: { expect: 'left axis deviation' },
      view: { camera: 'anterior', cursor: 'middle' },
    },
    {
      id: 'shapes',
      title: 'qR in aVL, rS in II, III and aVF',
      template: 'qrs-shapes',
      params: {
        shapes: [
          { leads: ['aVL'], shape: 'qR' },
          { leads: ['II', 'III', 'aVF'], shape: 'rS' },
        ],
      },
      view: { camera: 'anterior', cursor: 'start' },
    },
    {
      id: 'attention',
      title: 'What the model attends to',
      template: 'attention',
      params: {},
      view: { camera: 'fit', cursor: 'middle' },
      needsExplanation: true,
    },
    {
      id: 'trajectory',
      title: 'The same interval on the 3D trajectory',
      template: 'trajectory-interval',
      params: { interval: 'attention', expect: ['superior', 'leftward'] },
      view: { camera: 'anterior', cursor: 'end' },
      needsExplanation: true,
    },
    {
      id: 'contrast',
      title: 'Beside a normal ECG',
      template: 'contrast',
      params: { interval: 'attention' },
      view: { camera: 'anterior' },
    },
  ],
};

/** A skeleton for complete right bundle branch block (demo case ptbxl-00195, CRBBB 100). */
export const CRBBB_TOUR: TourDefinition = {
  id: 'crbbb',
  title: 'Complete right bundle branch block (skeleton)',
  caseId: 'ptbxl-00195',
  contrastCaseId: 'ptbxl-00262',
  skeleton: true,
  steps: [
    {
      id: 'duration',
      title: 'A wide QRS',
      template: 'qrs-duration',
      params: { atLeastMs: 120, condition: 'complete bundle branch block' },
      view: { camera: 'fit', cursor: 'end' },
    },
    {
      id: 'shapes',
      title: 'rsR′ in V1',
      template: 'qrs-shapes',
      params: { shapes: [{ leads: ['V1'], shape: 'rsR′' }] },
      view: { camera: 'anterior', cursor: 'end' },
    },
    {
      id: 'attention',
      title: 'What the model attends to',
      template: 'attention',
      params: {},
      view: { camera: 'fit', cursor: 'middle' },
      needsExplanation: true,
    },
    {
      id: 'late-qrs',
      title: 'The late QRS on the trajectory',
      template: 'trajectory-interval',
      params: { interval: [60, 100], expect: ['rightward', 'anterior'] },
      view: { camera: 'superior', cursor: 'end' },
    },
    {
      id: 'contrast',
      title: 'Beside a normal ECG',
      template: 'contrast',
      params: { interval: [60, 100] },
      view: { camera: 'anterior' },
    },
  ],
};

export const TOURS: readonly TourDefinition[] = [LAFB_TOUR, CRBBB_TOUR];

export function findTour(id: string): TourDefinition | null {
  return TOURS.find((t) => t.id === id) ?? null;
}
