/**
 * Where the nine ECG electrodes sit in the heart frame (frame.ts: LPS, mm, origin at the ventricles' centre).
 *
 * A generic adult, not a patient: the positions follow the standard placement rules on a simple thorax
 * (an elliptic cross-section) placed around the heart by textbook landmarks. Every number below is
 * APPROXIMATE — adult bodies differ by several centimetres — and the mTSI only uses the directions from the
 * trajectory to each electrode, which change slowly with such errors. What each number rests on:
 *
 * Placement rules (Kligfield et al., AHA/ACCF/HRS recommendations for the standardization and interpretation of
 * the ECG, part I, Circulation 2007;115:1306–24): V1 4th intercostal space (ICS) at the right sternal border,
 * V2 4th ICS at the left sternal border, V4 5th ICS on the mid-clavicular line, V3 midway between V2 and V4,
 * V5 and V6 on V4's horizontal level at the anterior and mid-axillary lines.
 */
import { pointMm, type PointMm } from './frame';

/** The nine electrodes, in the order of the unipolar potentials (unipolar.ts): VR, VL, VF, V1–V6. */
export const ELECTRODES = ['RA', 'LA', 'LL', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
export type ElectrodeName = (typeof ELECTRODES)[number];
export type ElectrodePositions = Record<ElectrodeName, PointMm>;

/** The generic thorax around the heart, mm in the heart frame. */
export const THORAX = {
  /**
   * Median plane at x = −30: the ventricles' centre lies ~3 cm left of the midline. About two thirds of the heart
   * lie left of the median plane and the apex is ~9 cm left of it in the 5th ICS (Gray's Anatomy, 41st ed., heart
   * chapter); the right border of the ventricles is near the right sternal edge (~2 cm right of the midline).
   */
  midlineX: -30,
  /**
   * Skin over the sternum at y = −65: the anterior RV epicardium lies 30–37 mm in front of the biventricular centroid
   * (the biv-me epicardial mesh of ../shared/data/heart, placed in this frame by heart-mesh.ts: 30 mm straight ahead,
   * 37 mm at its most anterior point), and the anterior chest wall adds ~25–30 mm (skin and subcutis ~1 cm, sternum
   * ~1–1.5 cm, retrosternal fat) — one patient's heart and a textbook wall, so ±1–2 cm.
   */
  sternumSkinY: -65,
  /**
   * Half chest breadth 150 mm, half chest depth 110 mm at the nipple level: rounded adult values (chest breadth
   * ~28–33 cm, chest depth ~20–25 cm — the range of adult means in anthropometric surveys such as ANSUR, Gordon et al.
   * 1989; quoted as ranges, not looked up in the survey's tables).
   */
  halfBreadth: 150,
  halfDepth: 110,
  /**
   * Heights of the 4th ICS at the sternal border (0) and of the 5th ICS at the mid-clavicular line (−30). The
   * ventricles reach from the base (~3rd costal cartilage) to the apex (5th ICS, mid-clavicular line; Gray's
   * Anatomy); in the biv-me mesh the valve rims' centre lies at z = +29 and the apex at z = −44, so the centroid
   * (z = 0) sits about one and a half rib spaces (~25–30 mm each, anteriorly) below the 3rd costal cartilage: at the
   * 4th ICS. V4 then lies one rib space lower, just above and lateral to the apex.
   */
  ics4Z: 0,
  ics5Z: -30,
  /**
   * Mid-clavicular line 95 mm from the midline (clavicle ~15 cm long, its sternal end ~2 cm from the midline);
   * sternal borders 25 mm from the midline (sternal body ~3–4 cm wide, electrode just beside it).
   */
  midClavicularU: 95,
  sternalBorderU: 25,
  /** Anterior axillary line at 60° around the ellipse from the front (the mid-axillary line is at 90°). */
  anteriorAxillaryDeg: 60,
} as const;

/**
 * Limb electrodes. The limbs are long, thin conductors carrying no cardiac current, so an electrode anywhere on a
 * limb picks up the potential where the limb joins the trunk (Wilson's distant-limb approximation; Einthoven's
 * triangle with vertices at the shoulders and the left groin; Malmivuo & Plonsey, Bioelectromagnetism, 1995,
 * ch. 15). Shoulder roots 170 mm either side of the midline (half the biacromial breadth, ~18–20 cm, less the
 * deltoid) and 150 mm above the heart centre (shoulder joints at about the level of the clavicle and 1st rib: ~3
 * anterior rib spaces, ~90 mm, above the 4th ICS, plus ~5 cm); the left leg root at the hip joint, 90 mm left of the midline and 400 mm below the heart centre
 * (heart centre ~5 cm above the xiphoid, xiphoid to pubic symphysis ~30–35 cm), all in the thorax's mid-coronal plane.
 */
export const LIMB_ROOTS = { shoulderU: 170, shoulderZ: 150, hipU: 90, hipZ: -400 } as const;

/** A point on the anterior chest surface `u` mm left (+) of the midline, at height z. */
function anteriorSurface(u: number, z: number): PointMm {
  const { midlineX, sternumSkinY, halfBreadth, halfDepth } = THORAX;
  const centreY = sternumSkinY + halfDepth;
  const f = Math.min(1, Math.abs(u) / halfBreadth);
  return pointMm(midlineX + u, centreY - halfDepth * Math.sqrt(1 - f * f), z);
}

/** A point on the chest surface at `deg` around the elliptic cross-section from the front toward the left. */
function aroundChest(deg: number, z: number): PointMm {
  const { midlineX, sternumSkinY, halfBreadth, halfDepth } = THORAX;
  const a = (deg * Math.PI) / 180;
  return pointMm(midlineX + halfBreadth * Math.sin(a), sternumSkinY + halfDepth * (1 - Math.cos(a)), z);
}

/** The generic electrode positions (see the comments above for every number). */
export function standardElectrodes(): ElectrodePositions {
  const t = THORAX;
  const centreY = t.sternumSkinY + t.halfDepth; // the thorax's mid-coronal plane
  const v2 = anteriorSurface(t.sternalBorderU, t.ics4Z);
  const v4 = anteriorSurface(t.midClavicularU, t.ics5Z);
  return {
    RA: pointMm(t.midlineX - LIMB_ROOTS.shoulderU, centreY, LIMB_ROOTS.shoulderZ),
    LA: pointMm(t.midlineX + LIMB_ROOTS.shoulderU, centreY, LIMB_ROOTS.shoulderZ),
    LL: pointMm(t.midlineX + LIMB_ROOTS.hipU, centreY, LIMB_ROOTS.hipZ),
    V1: anteriorSurface(-t.sternalBorderU, t.ics4Z),
    V2: v2,
    // Midway between V2 and V4 along the chest, put back onto the surface.
    V3: anteriorSurface((t.sternalBorderU + t.midClavicularU) / 2, (v2[2] + v4[2]) / 2),
    V4: v4,
    V5: aroundChest(t.anteriorAxillaryDeg, t.ics5Z),
    V6: aroundChest(90, t.ics5Z),
  };
}

/** Positions in ELECTRODES order, as the mTSI consumes them. */
export function electrodeArray(positions: ElectrodePositions = standardElectrodes()): PointMm[] {
  return ELECTRODES.map((e) => positions[e]);
}
