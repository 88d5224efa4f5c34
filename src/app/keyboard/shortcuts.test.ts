import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/appStore';
import { handleShortcut } from './shortcuts';

const press = (key: string, target: unknown = { tagName: 'BODY' }) => ({
  key,
  target: target as EventTarget,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
});

describe('keyboard shortcuts', () => {
  it('explain, cancel, methods, layouts, calipers and play act on the store', () => {
    const store = createAppStore();
    const actions = { explain: vi.fn(), cancel: vi.fn() };
    expect(handleShortcut(press('E'), store, actions)).toBe(true);
    expect(actions.explain).toHaveBeenCalledOnce();
    handleShortcut(press('Escape'), store, actions);
    expect(actions.cancel).toHaveBeenCalledOnce();
    handleShortcut(press('3'), store, actions);
    expect(store.getState().explainMethod).toBe('kernelshap');
    expect(store.getState().paperLayout).toBe('12x1');
    handleShortcut(press('l'), store, actions);
    expect(store.getState().paperLayout).toBe('3x4'); // not the 10 mm window layout
    handleShortcut(press('l'), store, actions);
    handleShortcut(press('l'), store, actions);
    expect(store.getState().paperLayout).toBe('12x1');
    store.getState().setPaperLayout('window');
    handleShortcut(press('l'), store, actions);
    expect(store.getState().paperLayout).toBe('12x1');
    handleShortcut(press('c'), store, actions);
    expect(store.getState().calipers).toBe(true);
    handleShortcut(press(' '), store, actions);
    expect(store.getState().playing).toBe(true);
  });

  it('never fires while typing in a field, with modifiers, or for other keys; Space on a button is the button’s', () => {
    const store = createAppStore();
    const actions = { explain: vi.fn(), cancel: vi.fn() };
    expect(handleShortcut(press('e', { tagName: 'INPUT' }), store, actions)).toBe(false);
    expect(handleShortcut({ ...press('e'), ctrlKey: true }, store, actions)).toBe(false);
    expect(handleShortcut(press('x'), store, actions)).toBe(false);
    expect(handleShortcut(press(' ', { tagName: 'BUTTON' }), store, actions)).toBe(false);
    expect(actions.explain).not.toHaveBeenCalled();
    store.getState().explainStarted({ id: 1, method: 'ig', caseRequest: 0, source: 'ecg12' });
    handleShortcut(press('2'), store, actions); // no method change while a job runs
    expect(store.getState().explainMethod).toBe('ig');
  });
});
