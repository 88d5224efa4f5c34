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
/** Gradient SHAP draws (reference window, point on the path) per explanation (captum n_samples; paper 3.3). */
export const GRADSHAP_SAMPLES = 50;
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

/**
 * What an input may be: the one documented place for every limit on a file (app and CLI alike). Each is checked
 * as early as the format allows — size before a byte is read, header counts before any sample is decoded, CSV
 * columns before a row is parsed — so a hostile file is refused quickly and without a large allocation.
 * Generous for real ECGs (a 12-lead resting ECG is 10 s; a long rhythm strip or Holter excerpt stays well inside).
 */
export const LIMITS = {
  /** Bytes in one file (WFDB .dat, CSV, .npy, DICOM, XML, SCP …): refused before it is read. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Files in one drop / pick (LUDB: a header, its data and 12 annotation files). */
  maxFilesPerRecord: 32,
  /** Samples per lead after decoding (~10 min at 1 kHz): the cost of everything downstream grows with it. */
  maxSamplesPerLead: 600_000,
  /** Seconds of recording (samples ÷ rate). */
  maxDurationS: 3600,
  /** Sampling rate range in Hz: below 50 the QRS is not resolved; above 20 kHz is not a surface ECG. */
  minSampleRateHz: 50,
  maxSampleRateHz: 20_000,
  /** Signals/channels one record may declare (12 leads plus generous room for extras such as respiration, VCG). */
  maxChannels: 64,
  /** Columns in a CSV header row (time + channels). */
  maxCsvColumns: 128,
  /** Characters of XML text (HL7 aECG, GE MUSE, Philips) handed to the XML parser. */
  maxXmlChars: 32 * 1024 * 1024,
} as const;

/** Inputs larger than this are refused before they are read into memory (LIMITS.maxFileBytes). */
export const MAX_INPUT_BYTES = LIMITS.maxFileBytes;
