import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../case/loadCase';
import { openCase } from '../case/openCase';
import type { Fetch } from '../case/fetchCase';
import { createAppStore } from '../store/appStore';
import { selectCaseEntry } from '../store/caseSlice';
import { selectSynthTruth } from '../store/synthSlice';

const manifestText = readFileSync(new URL('../../../public/cases/manifest.json', import.meta.url), 'utf8');

describe('loadCase with a synthetic id', () => {
  it('fetches only the manifest, generates the record, and opens it with its truth through the ordinary reader', async () => {
    const urls: string[] = [];
    const fetch: Fetch = async (url) => (
      urls.push(url),
      url === 'cases/manifest.json' ? new Response(manifestText) : new Response('', { status: 404 })
    );
    const store = createAppStore();
    await loadCase(store, 'synth-lafb', { fetch, openCase });
    const s = store.getState();
    expect(s.caseError).toBeNull();
    expect(s.caseStatus).toBe('ready');
    expect(urls).toEqual(['cases/manifest.json']);
    expect(s.prepared!.record.name).toBe('synth-16-1');
    expect(s.prepared!.windowStartMs).toBe(1414); // cli predict on cli synth's file says the same
    expect(selectSynthTruth(s)?.pathology).toBe('lafb');
    expect(selectCaseEntry(s)?.title).toBe('Synthetic LAFB-like (not a patient)');

    await loadCase(store, 'synth-lafb-healthy', { fetch, openCase });
    expect(store.getState().prepared!.record.name).toBe('synth-16-1-healthy');
    expect(selectSynthTruth(store.getState())).toMatchObject({ twin: true, label: 'normal' });
  });

  it('an unknown synthetic name is an unknown case, said plainly', async () => {
    const store = createAppStore();
    await loadCase(store, 'synth-afib', { fetch: async () => new Response(manifestText), openCase });
    expect(store.getState().caseStatus).toBe('error');
    expect(store.getState().caseError?.message).toMatch(/no bundled case "synth-afib"/);
  });
});
