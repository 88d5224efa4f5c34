import type { HeartMeshes } from '../../core/cine/heart-mesh';

/**
 * Surface colours. Kept apart from the trajectory's RdBu scale on purpose: the LV is terracotta, not RdBu's
 * crimson, and the RV teal, not its sky blue, so a coloured trajectory inside a cavity never reads as part of it.
 */
export interface SurfaceStyle {
  key: keyof HeartMeshes;
  label: string;
  color: string;
  opacity: number;
  /** Inner shells first: see HeartMeshes. */
  renderOrder: number;
}

export const SURFACES: SurfaceStyle[] = [
  { key: 'lv', label: 'LV cavity', color: '#d0704a', opacity: 0.3, renderOrder: 1 },
  { key: 'rv', label: 'RV cavity', color: '#3f9c9a', opacity: 0.3, renderOrder: 2 },
  { key: 'epicardium', label: 'Epicardium', color: '#b9a99a', opacity: 0.2, renderOrder: 3 },
];

/** The 3D cursor marker: amber is in neither the diverging scale nor the surfaces, and unlike the dark beads it stands out. */
export const MARKER_COLOR = '#f5b800';
export const MARKER_RADIUS_MM = 3.2;
export const BACKGROUND = '#ffffff';
