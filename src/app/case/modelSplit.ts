import type { CaseEntry } from './manifest';

export type ModelSplit = NonNullable<CaseEntry['modelSplit']>;

/** Whether the model saw a case, in one sentence (case summary) and in a few words (case browser). */
export const SPLIT_TEXT: Record<ModelSplit, { long: string; short: string }> = {
  train: {
    long: 'In the model’s training data: its prediction here is not an independent test.',
    short: 'Seen in training',
  },
  val: {
    long: 'In the model’s validation data (used to choose the model): not an independent test.',
    short: 'Not trained on (val)',
  },
  test: { long: 'Held out: in the model’s test split, never seen in training.', short: 'Held out (test)' },
  none: { long: 'Not in the model’s data.', short: 'Not in model data' },
};
