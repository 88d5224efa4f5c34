import { createStore } from 'zustand/vanilla';

/** The panels that have their own error boundary. */
export const PANELS = ['grid', 'beat', 'heart', 'drawer'] as const;
export type PanelName = (typeof PANELS)[number];

/**
 * Render crashes asked for by a test (window.__cineecgTest.crashPanel): the named panel's probe throws while
 * rendering until the user presses "Try again" there. Never set outside tests.
 */
export const panelCrashes = createStore<{ crashing: ReadonlySet<PanelName> }>(() => ({ crashing: new Set() }));

export function crashPanel(name: PanelName): void {
  panelCrashes.setState({ crashing: new Set([...panelCrashes.getState().crashing, name]) });
}

export function clearPanelCrash(name: PanelName): void {
  const crashing = new Set(panelCrashes.getState().crashing);
  crashing.delete(name);
  panelCrashes.setState({ crashing });
}
