/**
 * The heart frame (DICOM patient LPS: +x patient's left, +y posterior, +z superior, mm) → three.js world.
 *
 * three.js cameras look down their −z with +y up and +x to the right, and OrbitControls orbit about world +y.
 * So world +y = superior (the patient stays upright while orbiting), and the anterior view is a camera on
 * world +z: world +z = anterior (−y_LPS), world +x = patient's left (+x_LPS). Seen from the front, the patient's
 * left is then on the viewer's right, as in radiology. Left × superior = anterior, so this is a proper rotation
 * (det +1): no mirror, triangle winding and handedness survive.
 *
 *   three = (x_LPS, z_LPS, −y_LPS)        LPS = (x_three, −z_three, y_three)
 */
export type Triple = readonly [number, number, number];

export function lpsToThree(p: Triple): [number, number, number] {
  return [p[0], p[2], 0 - p[1]]; // 0 − y, not −y: no −0 in results
}

export function threeToLps(p: Triple): [number, number, number] {
  return [p[0], 0 - p[2], p[1]];
}

/** A time- or vertex-major [N × 3] LPS array → a new Float32Array in world coordinates. */
export function lpsArrayToThree(src: ArrayLike<number>): Float32Array {
  if (src.length % 3 !== 0) throw new Error(`expected xyz triples, got ${src.length} numbers`);
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i += 3) {
    out[i] = src[i];
    out[i + 1] = src[i + 2];
    out[i + 2] = -src[i + 1];
  }
  return out;
}

/** Largest distance of any point of the [N × 3] arrays from the origin: sizes the camera to fit them. */
export function boundingRadius(...arrays: ArrayLike<number>[]): number {
  let r2 = 0;
  for (const a of arrays) {
    for (let i = 0; i + 2 < a.length; i += 3)
      r2 = Math.max(r2, a[i] * a[i] + a[i + 1] * a[i + 1] + a[i + 2] * a[i + 2]);
  }
  return Math.sqrt(r2);
}
