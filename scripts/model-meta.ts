/**
 * Refreshes models/<id>/meta.json for every model folder (or those named): window, class names, test metrics and the
 * SHA-256 of every loaded file, keeping the hand-written title, input kind and channel names.
 *   npm run -s model-meta [-- models/ecg12 …]
 * A new model: write models/<id>/meta.json with {"title", "shortTitle", "input": {"kind": "12-lead"|"cinecg",
 * "channels": [...]}} and run this; add its id to models/index.json for the app to load it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeModelMeta } from './lib/model-meta';

const dirs = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('models')
      .map((n) => join('models', n))
      .filter((p) => statSync(p).isDirectory() && existsSync(join(p, 'model.json')));
for (const dir of dirs) {
  const meta = await writeModelMeta(dir);
  console.log(
    `${dir}/meta.json: ${meta.title} (${meta.input.kind}, ${meta.input.channels.length} channels), ${meta.files.length} files`,
  );
}
