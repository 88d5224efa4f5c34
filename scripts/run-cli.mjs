#!/usr/bin/env node
/**
 * `npm run -s cli -- …`: runs scripts/cli.ts from a bundle (esbuild, one ES module, dependencies left in
 * node_modules) instead of through tsx, which transpiled ~100 files on every call (2–3 s). The bundle is rebuilt
 * here, before it runs, whenever it is missing or stale: when any file it was built from (esbuild's metafile lists
 * them) is newer than it or gone, or package-lock.json is. A command another file adds to scripts/cli.ts changes
 * cli.ts, so it comes along. Never run stale: a failed rebuild is an error, not a fallback to the old bundle.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '.cache', 'cli');
const BUNDLE = join(OUT_DIR, 'cli.js');
const META = join(OUT_DIR, 'meta.json');

function stale() {
  if (!existsSync(BUNDLE) || !existsSync(META)) return 'no bundle yet';
  const built = statSync(BUNDLE).mtimeMs;
  const inputs = Object.keys(JSON.parse(readFileSync(META, 'utf8')).inputs ?? {}).filter(
    (p) => !p.includes('node_modules/'),
  );
  for (const rel of [...inputs, 'package-lock.json', 'scripts/run-cli.mjs']) {
    const p = join(ROOT, rel);
    if (!existsSync(p)) return `${rel} is gone`;
    if (statSync(p).mtimeMs > built) return `${rel} changed`;
  }
  return null;
}

/** Builds into a fresh folder and swaps it in, so a concurrent call never runs half a bundle or old chunks. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const tmp = `${OUT_DIR}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await build({
    // Code splitting keeps each command's imports (TF.js for predict/explain) in its own chunk, loaded when it runs.
    entryPoints: [join(ROOT, 'scripts', 'cli.ts')],
    absWorkingDir: ROOT,
    outdir: tmp,
    outExtension: { '.js': '.js' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    sourcemap: 'linked',
    logLevel: 'error',
    // Bundled ESM has no require(); some dependencies' CommonJS paths want one.
    banner: {
      js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);",
    },
  });
  writeFileSync(join(tmp, 'meta.json'), JSON.stringify(result.metafile));
  rmSync(OUT_DIR, { recursive: true, force: true });
  try {
    renameSync(tmp, OUT_DIR);
  } catch (e) {
    // Another call swapped its fresh build in first: use that one.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(BUNDLE)) throw e;
  }
}

const why = stale();
if (why) {
  if (process.env.CLI_VERBOSE) process.stderr.write(`cli: rebuilding the bundle (${why})\n`);
  await buildCli();
}
await import(pathToFileURL(BUNDLE).href);
