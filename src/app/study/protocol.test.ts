import { describe, expect, it } from 'vitest';
import { applyProtocol, minimalWindowMs } from './protocol';

describe('annotation protocol (paper 3.5)', () => {
  it('widens a short drag in the QRS region to 25 ms about its centre', () => {
    expect(applyProtocol({ startMs: 40, endMs: 50 })).toEqual({ startMs: 32.5, endMs: 57.5 });
  });
  it('widens a short drag after 150 ms to 50 ms about its centre, whichever way it was dragged', () => {
    expect(applyProtocol({ startMs: 310, endMs: 290 })).toEqual({ startMs: 275, endMs: 325 });
  });
  it('keeps a drag longer than the minimal window as it is', () => {
    expect(applyProtocol({ startMs: 20, endMs: 120 })).toEqual({ startMs: 20, endMs: 120 });
    expect(applyProtocol({ startMs: 200, endMs: 260 })).toEqual({ startMs: 200, endMs: 260 });
  });
  it('turns a click into ±10 ms, even inside the QRS region', () => {
    expect(applyProtocol({ startMs: 80, endMs: 80, point: true })).toEqual({ startMs: 70, endMs: 90 });
    expect(applyProtocol({ startMs: 300, endMs: 300 })).toEqual({ startMs: 290, endMs: 310 });
  });
  it('clips to the 400 ms window', () => {
    expect(applyProtocol({ startMs: 2, endMs: 2, point: true })).toEqual({ startMs: 0, endMs: 12 });
    expect(applyProtocol({ startMs: 395, endMs: 400 })).toEqual({ startMs: 372.5, endMs: 400 });
  });
  it('chooses the window by the centre: 25 ms before 150 ms, 50 ms from there', () => {
    expect(minimalWindowMs(149.9)).toBe(25);
    expect(minimalWindowMs(150)).toBe(50);
  });
});
