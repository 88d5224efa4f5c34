import { createStore } from 'zustand/vanilla';
import { MODEL_FS_HZ } from '../../core/constants';
import type { NpyOptions } from '../../core/ecg/npy-record';

/**
 * What the app asks about a NumPy .npy (it stores neither): its sampling rate (default 500 Hz) and whether it is
 * already band-passed and z-scored. Set in the "Open files" panel, read when a file is opened or dropped.
 */
export const npyOptionsStore = createStore<Required<NpyOptions>>(() => ({ fsHz: MODEL_FS_HZ, zscored: false }));
