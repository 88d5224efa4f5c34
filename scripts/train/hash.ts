import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sha256 over a model directory's weight shards, in manifest order: identifies which trained weights were used. */
export function weightsHash(modelDir: string): string {
  const modelJson = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  const h = createHash('sha256');
  for (const p of modelJson.weightsManifest[0].paths) h.update(readFileSync(join(modelDir, p)));
  return h.digest('hex');
}
