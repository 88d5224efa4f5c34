/**
 * One source of truth for the numbers the paper fixes (sections 3.1–3.6).
 * Change them here, never inline.
 */

/** Sample rate every record is resampled to before anything else. */
export const MODEL_FS_HZ = 500;
/** The QRS-T window the classifier sees, starting at QRS onset (paper 3.1). */
export const WINDOW_MS = 400;
export const WINDOW_SAMPLES = (WINDOW_MS * MODEL_FS_HZ) / 1000; // 200
/** Band-pass of the training representation (matches ptbxl-zscored: 4th-order Butterworth, zero-phase). */
export const BANDPASS_LOW_HZ = 0.5;
export const BANDPASS_HIGH_HZ = 40;
export const BANDPASS_ORDER = 4;

/** Integrated Gradients and its noise tunnel (paper 3.3). */
export const IG_STEPS = 50;
export const NOISE_SAMPLES = 40;
export const NOISE_SIGMA = 0.15;
/** Reference distribution for Gradient SHAP (paper 3.1, 3.3). */
export const SHAP_REFERENCE_COUNT = 150;
export const KERNEL_SHAP_EVALUATIONS = 100;
export const LIME_SAMPLES = 500;

/** Annotation protocol (paper 3.5). */
export const QRS_REGION_MS = 150;
export const ANNOTATION_WINDOW_QRS_MS = 25;
export const ANNOTATION_WINDOW_REST_MS = 50;
export const ANNOTATION_POINT_TOLERANCE_MS = 10;
/** Agreement statistics (paper 3.6). */
export const THRESHOLD_STEP = 0.01;
export const BOOTSTRAP_RESAMPLES = 2000;

/** Inputs larger than this are refused before they are read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Longest record we accept (samples per lead after decoding), ~10 min at 1 kHz. */
export const MAX_SAMPLES_PER_LEAD = 600_000;
