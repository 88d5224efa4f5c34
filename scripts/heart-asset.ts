/**
 * Builds the app's heart from the biv-me OBJs: checks they are in DICOM patient LPS (anatomy, below), moves them
 * into the heart frame (translation only), and writes public/heart/heart.bin + heart.json + the license.
 *   npm run -s heart-asset [-- <heart dir>]      (default: $ECG_DATA_DIR/heart or ../shared/data/heart)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  decodeHeartAsset,
  encodeHeartAsset,
  HEART_ASSET_QUANTUM_MM,
  type HeartAssetInfo,
} from '../src/core/cine/heart-asset';
import {
  boundaryLoops,
  distanceOutsideEpicardium,
  heartLandmarks,
  toHeartFrame,
  type HeartLandmarks,
  type HeartMeshes,
  type Vec3,
} from '../src/core/cine/heart-mesh';
import { parseObj } from '../src/core/cine/obj';

const HEART_OBJ_FILES = {
  epicardium: 'patient1_EPICARDIAL_000.obj',
  lv: 'patient1_LV_ENDOCARDIAL_000.obj',
  rv: 'patient1_RV_ENDOCARDIAL_000.obj',
} as const;
const OUT_DIR = resolve(import.meta.dirname, '../public/heart');

const dir = resolve(
  process.argv[2] ?? join(process.env.ECG_DATA_DIR ?? resolve(import.meta.dirname, '../../shared/data'), 'heart'),
);
if (!existsSync(join(dir, HEART_OBJ_FILES.epicardium))) {
  console.error(`heart OBJs not found in ${dir}: pass their folder, or set ECG_DATA_DIR`);
  process.exit(2);
}
const read = (name: string) => parseObj(readFileSync(join(dir, name), 'utf8'), name);
const scanner: HeartMeshes = {
  epicardium: read(HEART_OBJ_FILES.epicardium),
  lv: read(HEART_OBJ_FILES.lv),
  rv: read(HEART_OBJ_FILES.rv),
};

const r2 = (x: number) => Math.round(x * 100) / 100;
const v2 = (v: Vec3): Vec3 => [r2(v[0]), r2(v[1]), r2(v[2])];
const v4 = (v: Vec3): Vec3 => v.map((x) => Math.round(x * 1e4) / 1e4) as unknown as Vec3;
const show = (v: Vec3, digits = 1) => `(${v.map((x) => x.toFixed(digits).padStart(6)).join(', ')})`;
function report(title: string, l: HeartLandmarks): void {
  console.log(`\n${title}`);
  for (const key of [
    'apex',
    'baseCentre',
    'epicardiumCentroid',
    'lvCentroid',
    'rvCentroid',
    'longAxis',
    'septumDirection',
  ] as const) {
    console.log(`  ${key.padEnd(19)} ${show(l[key], /Axis|Direction/.test(key) ? 3 : 1)}`);
  }
  console.log(`  bounds              ${show(l.bounds.min)} … ${show(l.bounds.max)}`);
  const a = l.longAxisAnglesDeg;
  console.log(
    `  long axis ${l.longAxisLengthMm.toFixed(1)} mm; angle to left ${a.left.toFixed(1)}°, anterior ${a.anterior.toFixed(1)}°, inferior ${a.inferior.toFixed(1)}°`,
  );
}

for (const [key, m] of Object.entries(scanner)) {
  const rims = boundaryLoops(m).map((l) => l.length);
  console.log(
    `${key.padEnd(10)} ${m.positions.length / 3} vertices, ${m.indices.length / 3} triangles, ${rims.length ? `open: ${rims.length} rims of ${rims.join('/')} vertices` : 'closed'}`,
  );
}
const before = heartLandmarks(scanner);
report('scanner coordinates (mm)', before);

// If these hold, the scanner axes are LPS and no rotation is needed: the long axis points left, anterior and
// inferior, and the RV lies right and anterior of the LV. RAS data (x, y negated) would fail the RV test.
const checks: [string, boolean][] = [
  ['long axis points to the patient left (+x)', before.longAxis[0] > 0],
  ['long axis points anterior (−y)', before.longAxis[1] < 0],
  ['long axis points inferior (−z)', before.longAxis[2] < 0],
  ['RV centroid right of the LV (−x)', before.rvCentroid[0] < before.lvCentroid[0]],
  ['RV centroid anterior of the LV (−y)', before.rvCentroid[1] < before.lvCentroid[1]],
];
for (const [what, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
if (checks.some(([, ok]) => !ok)) {
  console.error('the geometry is not in DICOM patient LPS as expected: find its rotation before shipping it');
  process.exit(1);
}

const { meshes, translationMm } = toHeartFrame(scanner);
const bin = encodeHeartAsset(meshes);
const shipped = decodeHeartAsset(bin);
const after = heartLandmarks(shipped);
report('heart frame, as shipped (mm)', after);
console.log(
  `  LV centroid ${distanceOutsideEpicardium(after.lvCentroid, shipped.epicardium) === 0 ? 'inside' : 'OUTSIDE'} the capped epicardium`,
);

const info: HeartAssetInfo = {
  file: 'heart.bin',
  bytes: bin.byteLength,
  source:
    'biv-me example patient1, frame 000 (end-diastole), example/fitted-models/default/patient1/obj/ in https://github.com/UOA-Heart-Mechanics-Research/biv-me',
  license: 'Apache-2.0',
  licenseFile: 'LICENSE-Apache-2.0',
  credit:
    "Heart geometry: biventricular model fitted to cardiac MR by biv-me (University of Auckland, Heart Mechanics Research; Dillon et al., FIMH 2025), Apache License 2.0. Translated into the app's heart frame and quantised to 0.01 mm; shape unchanged.",
  frame:
    'DICOM patient LPS: +x patient left, +y posterior, +z superior; mm; origin at the area-weighted centroid of the epicardial surface (valve rims open, not capped)',
  transform: {
    rotation: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    translationMm: v4(translationMm),
    scale: 1,
    note: 'p_frame = rotation · p_scanner + translationMm. The scanner coordinates are already LPS (long axis left-anterior-inferior, RV right-anterior of LV), so the rotation is the identity.',
  },
  quantumMm: HEART_ASSET_QUANTUM_MM,
  meshes: {
    epicardium: {
      vertices: shipped.epicardium.positions.length / 3,
      triangles: shipped.epicardium.indices.length / 3,
      openRims: boundaryLoops(shipped.epicardium).length,
    },
    lv: {
      vertices: shipped.lv.positions.length / 3,
      triangles: shipped.lv.indices.length / 3,
      openRims: boundaryLoops(shipped.lv).length,
    },
    rv: {
      vertices: shipped.rv.positions.length / 3,
      triangles: shipped.rv.indices.length / 3,
      openRims: boundaryLoops(shipped.rv).length,
    },
  },
  landmarks: {
    apex: v2(after.apex),
    baseCentre: v2(after.baseCentre),
    longAxis: v4(after.longAxis),
    longAxisLengthMm: r2(after.longAxisLengthMm),
    longAxisAnglesDeg: {
      left: r2(after.longAxisAnglesDeg.left),
      anterior: r2(after.longAxisAnglesDeg.anterior),
      inferior: r2(after.longAxisAnglesDeg.inferior),
    },
    septumDirection: v4(after.septumDirection),
    lvCentroid: v2(after.lvCentroid),
    rvCentroid: v2(after.rvCentroid),
    bounds: { min: v2(after.bounds.min), max: v2(after.bounds.max) },
    definitions:
      'baseCentre: mean of the epicardial valve-rim vertices; apex: epicardial vertex farthest from it; centroids: area-weighted surface centroids; septumDirection: LV→RV centroid direction with its long-axis part removed',
  },
};

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'heart.bin'), bin);
// One line per vector: the file is read by people checking the credit and the landmarks.
const json = JSON.stringify(info, null, 1).replace(/\[[-\d.,\s]+\]/g, (a) =>
  a.replace(/\s+/g, ' ').replace('[ ', '[').replace(' ]', ']'),
);
writeFileSync(join(OUT_DIR, 'heart.json'), json + '\n');
// Read and write rather than copy: the shared copy is read-only and its mode should not follow it here.
writeFileSync(join(OUT_DIR, 'LICENSE-Apache-2.0'), readFileSync(join(dir, 'LICENSE-Apache-2.0')));
console.log(`\nwrote public/heart/heart.bin (${bin.byteLength} bytes), heart.json and LICENSE-Apache-2.0`);
