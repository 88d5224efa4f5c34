/**
 * Pathologies as changes to a record's dipole lobes (dipole.ts). Each returns a new lobe list; the healthy twin
 * keeps the original, so record − twin is exactly the projected change (plus nothing: beats and noise are shared).
 * Parameters are drawn from the pathology's own seeded stream, so choosing one never shifts the beats or the noise.
 *
 * The changes follow the textbook vector picture (Surawicz & Knilans, Chou's Electrocardiography in Clinical
 * Practice, 6th ed., chapters on fascicular blocks, bundle branch blocks, ST and T abnormalities):
 * - lafb: mid/late QRS forces (R, S) shift superior (−Y) and leftward (+X): frontal QRS axis left of −30°.
 * - bbb: QRS widened (R and S lobes 30–40% wider) plus a slow terminal lobe 45–60 ms after the R peak: rightward-
 *   anterior (RBBB-like: wide S in I/V6, terminal R′ in V1) or leftward-posterior (LBBB-like).
 * - st: a broad lobe over the ST segment along a territory's axis: elevation (toward it) or depression (away).
 * - t-inversion: the T vector's component along a territory's axis replaced by one pointing away from it.
 */
import type { Lobe } from './dipole';

export const PATHOLOGIES = ['lafb', 'bbb', 'st', 't-inversion', 'normal'] as const;
export type Pathology = (typeof PATHOLOGIES)[number];
export const isPathology = (x: unknown): x is Pathology =>
  typeof x === 'string' && (PATHOLOGIES as readonly string[]).includes(x);

/**
 * Territories as Frank-axis unit vectors toward the region (the leads facing them show elevation/upright T):
 * anterior = −Z (V1–V4), inferior = +Y (II, III, aVF), lateral = +X (I, aVL, V5, V6).
 */
export const TERRITORIES = { anterior: [0, 0, -1], inferior: [0, 1, 0], lateral: [1, 0, 0] } as const;
export type Territory = keyof typeof TERRITORIES;

/** What was injected, for the header comments and the tests. */
export interface Injection {
  pathology: Pathology;
  territory?: Territory;
  /** st: +1 elevation, −1 depression. */
  sign?: 1 | -1;
  /** bbb: which side's terminal delay. */
  side?: 'right' | 'left';
}

const pick = <T>(xs: readonly T[], random: () => number): T => xs[Math.floor(random() * xs.length)];
const lobe = (lobes: Lobe[], wave: Lobe['wave']) => lobes.find((l) => l.wave === wave)!;

/** The pathological lobes and what was injected (for 'normal': the same lobes, a copy). */
export function injectPathology(
  base: readonly Lobe[],
  pathology: Pathology,
  random: () => number,
): { lobes: Lobe[]; injection: Injection } {
  const lobes = base.map((l) => ({ ...l, vector: [...l.vector] as Lobe['vector'] }));
  switch (pathology) {
    case 'normal':
      return { lobes, injection: { pathology } };
    case 'lafb': {
      const r = lobe(lobes, 'R');
      const s = lobe(lobes, 'S');
      r.vector[0] += 0.15 + 0.15 * random();
      r.vector[1] = -(0.5 + 0.3 * random());
      s.vector[1] = -(0.5 + 0.3 * random());
      return { lobes, injection: { pathology } };
    }
    case 'bbb': {
      const side = pick(['right', 'left'] as const, random);
      lobe(lobes, 'R').widthMs *= 1.3 + 0.1 * random();
      lobe(lobes, 'S').widthMs *= 1.3 + 0.1 * random();
      const size = 0.5 + 0.3 * random();
      const vector: Lobe['vector'] =
        side === 'right' ? [-0.7 * size, 0.1 * size, -0.7 * size] : [0.8 * size, 0, 0.6 * size];
      lobes.push({ wave: 'terminal', centreMs: 45 + 15 * random(), widthMs: 14 + 4 * random(), vector });
      return { lobes, injection: { pathology, side } };
    }
    case 'st': {
      const territory = pick(Object.keys(TERRITORIES) as Territory[], random);
      const sign = random() < 0.5 ? 1 : -1;
      const size = sign * (0.15 + 0.15 * random());
      const u = TERRITORIES[territory];
      lobes.push({ wave: 'ST', centreMs: 130, widthMs: 40, vector: [size * u[0], size * u[1], size * u[2]] });
      return { lobes, injection: { pathology, territory, sign } };
    }
    case 't-inversion': {
      const territory = pick(Object.keys(TERRITORIES) as Territory[], random);
      const u = TERRITORIES[territory];
      const t = lobe(lobes, 'T');
      const along = t.vector[0] * u[0] + t.vector[1] * u[1] + t.vector[2] * u[2];
      const inverted = -(0.15 + 0.15 * random());
      for (let a = 0; a < 3; a++) t.vector[a] += (inverted - along) * u[a];
      return { lobes, injection: { pathology, territory } };
    }
  }
}
