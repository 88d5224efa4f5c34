/**
 * Recording noise added to a synthetic lead, the same for a record and its healthy twin (drawn from the noise
 * stream only). The three kinds are those of the noise-stress test of Moody, Muldrow & Mark (Comput Cardiol
 * 1984;11:381–4: baseline wander, muscle artifact, and mains as in ECGSYN, McSharry et al. 2003); the sizes are
 * ours, chosen for a resting recording of fair quality. Noise never enters the truth mask: the twin shares it.
 * - baseline wander: two sinusoids of 0.05–0.5 Hz (respiration, electrode drift), 0.02–0.1 mV each;
 * - EMG-like broadband noise: white Gaussian, σ 5–15 µV (resting muscle);
 * - mains: 50 or 60 Hz, 3–12 µV, random phase.
 */
import { gaussian } from '../random';

export function addNoise(lead: Float64Array, fsHz: number, random: () => number): void {
  const normal = gaussian(random);
  const wander = Array.from({ length: 2 }, () => ({
    hz: 0.05 + 0.45 * random(),
    mv: 0.02 + 0.08 * random(),
    phase: 2 * Math.PI * random(),
  }));
  const emgMv = 0.005 + 0.01 * random();
  const mainsHz = random() < 0.5 ? 50 : 60;
  const mainsMv = 0.003 + 0.009 * random();
  const mainsPhase = 2 * Math.PI * random();
  for (let s = 0; s < lead.length; s++) {
    const t = s / fsHz;
    let v = emgMv * normal() + mainsMv * Math.sin(2 * Math.PI * mainsHz * t + mainsPhase);
    for (const w of wander) v += w.mv * Math.sin(2 * Math.PI * w.hz * t + w.phase);
    lead[s] += v;
  }
}
