import { describe, expect, it } from 'vitest';
import { evaluateFromUrl, studyParamFromUrl, withoutEvaluate } from './studyUrl';

describe('study URLs', () => {
  it('the evaluation has its own entry, only with ?study', () => {
    expect(evaluateFromUrl('?study=example&evaluate')).toBe(true);
    expect(evaluateFromUrl('?study&evaluate')).toBe(true);
    expect(evaluateFromUrl('?study=example')).toBe(false);
    expect(evaluateFromUrl('?evaluate')).toBe(false);
    expect(studyParamFromUrl('?study=example&evaluate')).toBe('example');
  });
  it('closing the evaluation drops only its parameter', () => {
    expect(withoutEvaluate('?study=example&evaluate')).toBe('?study=example');
    expect(withoutEvaluate('?study&evaluate')).toBe('?study');
    expect(withoutEvaluate('?evaluate&study=x&lang=en')).toBe('?study=x&lang=en');
  });
});
