/**
 * Writes the stored IG reference that src/core/xai/ig-reference.test.ts compares with: the demo case's attributions
 * from `cli explain` (paper budget, Node wasm) as computed by the code BEFORE the speed work (commit cef453e).
 *   npm run -s cli -- explain public/cases/ptbxl-00285/00285_hr.hea > out.json && npx tsx scripts/bench/make-ig-reference.ts out.json
 * Rerunning it on today's code would only compare the code with itself: keep the committed files.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const out = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { attributions: number[][][]; delta: number[]; logits: number[]; params: unknown; backend: string };
const flat = new Float32Array(out.attributions.flatMap((a) => a.flat()));
const dir = 'src/core/xai/__fixtures__';
writeFileSync(`${dir}/ig-00285-paper.bin`, new Uint8Array(flat.buffer));
writeFileSync(`${dir}/ig-00285-paper.json`, `${JSON.stringify({ record: 'public/cases/ptbxl-00285/00285_hr.hea', madeBy: 'cli explain at commit cef453e (before the speed work), Node wasm', layout: 'float32 A0 then A1, each [200 × 12] time-major', params: out.params, backend: out.backend, delta: out.delta, logits: out.logits }, null, 1)}\n`);
