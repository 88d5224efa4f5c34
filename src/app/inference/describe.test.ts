import { describe, expect, it } from 'vitest';
import { testMeta } from '../testing/appModels';
import {
  describeDisagreement,
  describeMetrics,
  describeProbability,
  describeProgress,
  formatMs,
  modelName,
} from './describe';
import { backendFromUrl } from './startInference';

describe('prediction panel wording', () => {
  it('names the model by its input', () => {
    expect(modelName(testMeta('ecg12', '12-lead', '12-lead'))).toBe('1D-ResNet (12-lead)');
    expect(modelName(testMeta('cine3', 'cinecg', 'CineECG'))).toBe('1D-ResNet (CineECG, 3 channels)');
  });

  it('states p(abnormal) with two decimals and the label at the 0.5 threshold', () => {
    expect(describeProbability(0.8712)).toBe('p(abnormal) = 0.87 → abnormal');
    expect(describeProbability(0.5)).toBe('p(abnormal) = 0.50 → abnormal');
    expect(describeProbability(0.4999)).toBe('p(abnormal) = 0.50 → normal'); // the label uses the exact value
    expect(describeProbability(0.03)).toBe('p(abnormal) = 0.03 → normal');
  });

  it('formats times and progress for people', () => {
    expect(formatMs(311.6)).toBe('312 ms');
    expect(formatMs(1432)).toBe('1.4 s');
    expect(describeProgress(null)).toBe('Starting the model worker…');
    expect(describeProgress({ status: 'download', fraction: 0.5 })).toBe('Loading the model… 35%');
    expect(describeProgress({ status: 'backend', backend: 'webgpu', slot: 0, slots: 2 })).toBe(
      'Starting the webgpu backend…',
    );
    expect(describeProgress({ status: 'warm-up', backend: 'wasm', slot: 0, slots: 2 })).toBe(
      'Preparing the model on wasm… 75%',
    );
    expect(describeProgress({ status: 'measure', backend: 'cpu', slot: 1, slots: 2 })).toBe(
      'Timing cpu to pick the fastest backend… 95%',
    );
  });

  it('states test AUROC with its interval, or nothing', () => {
    const m = { test: { n: 154, auroc: { estimate: 0.8604, low: 0.792, high: 0.9111 }, accuracy: null } };
    expect(describeMetrics(m)).toBe('Held-out test set (n = 154): AUROC 0.86 (95% CI 0.79–0.91)');
    expect(describeMetrics(null)).toBeNull();
    expect(describeMetrics({ test: { n: 1, auroc: null, accuracy: m.test.auroc } })).toBeNull();
  });
});

describe('backendFromUrl', () => {
  it('reads ?backend=, leaving validation to the worker protocol', () => {
    expect(backendFromUrl('?backend=webgl')).toBe('webgl');
    expect(backendFromUrl('?case=x&backend=WASM')).toBe('wasm');
    expect(backendFromUrl('?backend=')).toBeNull();
    expect(backendFromUrl('')).toBeNull();
    expect(backendFromUrl('?backend=tpu')).toBe('tpu');
  });
});

const n12 = (p: number) => ({ name: '12-lead', p });
const cine = (p: number) => ({ name: 'CineECG', p });

describe('describeDisagreement', () => {
  it('speaks only when the models fall on opposite sides of 0.5', () => {
    expect(describeDisagreement(n12(0.12), cine(0.68))).toBe(
      'The two models disagree: 12-lead 0.12 → normal, CineECG 0.68 → abnormal.',
    );
    expect(describeDisagreement(n12(0.5), cine(0.49))).toContain('12-lead 0.50 → abnormal, CineECG 0.49 → normal');
    expect(describeDisagreement(n12(0.9), cine(0.6))).toBeNull();
    expect(describeDisagreement(n12(0.1), cine(0.4))).toBeNull();
  });

  it('with more models: one sentence naming each, when any one of them disagrees', () => {
    const synth = (p: number) => ({ name: 'Synthetic', p });
    expect(describeDisagreement(n12(0.9), cine(0.7), synth(0.2))).toBe(
      'The models disagree: 12-lead 0.90 → abnormal, CineECG 0.70 → abnormal, Synthetic 0.20 → normal.',
    );
    expect(describeDisagreement(n12(0.9), cine(0.7), synth(0.8))).toBeNull();
  });
});
