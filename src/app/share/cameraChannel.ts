import { createStore } from 'zustand/vanilla';

/** A camera pose in three.js world coordinates (mm; see heart/frameToThree.ts). */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
}

/**
 * Between the 3D view and whoever steers or records its camera (the tour, the URL): `request` asks for a preset by
 * name or an exact pose; `current` is what the view shows (a preset as set, or the pose after the user orbited).
 * Per-interaction values stay out of the app store, as the design asks for the time cursor.
 */
export interface CameraChannel {
  request: { preset: string | null; pose: CameraPose | null; nonce: number } | null;
  /** `chosen`: set by the user, a link or the tour (not the view's own default or its automatic fit). */
  current: { preset: string; pose: CameraPose | null; chosen: boolean } | null;
  ask: (preset: string | null, pose?: CameraPose | null) => void;
  report: (current: { preset: string; pose: CameraPose | null; chosen: boolean }) => void;
  /** The view takes the pending request (once). */
  take: () => CameraChannel['request'];
}

/** One per page, made in main.tsx (AppServices.camera). */
export const createCameraChannel = () =>
  createStore<CameraChannel>()((set, get) => ({
    request: null,
    current: null,
    ask: (preset, pose = null) => set({ request: { preset, pose, nonce: (get().request?.nonce ?? 0) + 1 } }),
    report: (current) => set({ current }),
    take: () => {
      const r = get().request;
      if (r) set({ request: null });
      return r;
    },
  }));
export type CameraChannelStore = ReturnType<typeof createCameraChannel>;

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * "anterior", or six numbers "x,y,z,tx,ty,tz" (0.1 mm) once the user has orbited; "" for the view's own choice (the
 * default preset, or the automatic fit once explained), which needs no parameter; null before the view reported.
 */
export function encodeCamera(c: CameraChannel['current']): string | null {
  if (!c) return null;
  if (!c.chosen) return '';
  if (!c.pose) return c.preset;
  return [...c.pose.position, ...c.pose.target].map(round1).join(',');
}

/** The inverse of encodeCamera; null for anything else (an unknown preset name is for the view to refuse). */
export function decodeCamera(s: string | null): { preset: string | null; pose: CameraPose | null } | null {
  if (!s) return null;
  if (/^[a-z0-9-]+$/.test(s)) return { preset: s, pose: null };
  const n = s.split(',').map(Number);
  if (n.length !== 6 || !n.every(Number.isFinite)) return null;
  return { preset: null, pose: { position: [n[0], n[1], n[2]], target: [n[3], n[4], n[5]] } };
}
