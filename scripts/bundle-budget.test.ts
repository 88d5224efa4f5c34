import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Initial-load budget (issue 12): the JavaScript the page must fetch and run before it can draw the first ECG is
 * at most 150 KB gzip. Precisely: the entry module named by dist/index.html (its <script type="module">) and every
 * chunk reachable from it through static `import … from` statements (and any modulepreload link). Not counted:
 * chunks behind dynamic import() (the 3D heart) and the inference worker, which the page spawns after mounting and
 * which runs TF.js on its own thread: neither blocks the first ECG. The worker chunk must hold TF.js and the
 * page must not (TF.js in the page was 220 KB of the 323 KB gzip entry chunk before the TF-free catalogue).
 */
const BUDGET_GZIP = 150 * 1024;
const ROOT = resolve(import.meta.dirname, '..');
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 300_000,
    env: { ...process.env, NODE_ENV: 'production' },
  }); // vitest sets NODE_ENV=test: React's development build
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Static imports of an emitted ES module (rolldown writes them as import … from "./x.js" / import "./x.js"). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'();]*?[\s}]from\s*)?["']([^"']+\.js)["']/g))
    found.push(m[1]);
  for (const m of code.matchAll(/(?:^|[;\n}])\s*export\s*[^"'();]*?[\s}]from\s*["']([^"']+\.js)["']/g))
    found.push(m[1]);
  return found;
}

function initialChunks(): string[] {
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => resolve(out, m[1]));
  return reachable(entries);
}

/** The chunks reachable from `entries` through static imports. */
function reachable(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(resolve(dirname(file), spec));
  };
  entries.forEach(visit);
  return [...seen];
}

describe('initial JavaScript of the built app', () => {
  it(`is at most ${BUDGET_GZIP / 1024} KB gzip, and TF.js is only in the worker`, () => {
    const chunks = initialChunks();
    expect(chunks.length).toBeGreaterThan(0);
    const sizes = chunks.map((f) => ({
      file: f.slice(out.length + 1),
      gzip: gzipSync(readFileSync(f), { level: 9 }).length,
    }));
    const total = sizes.reduce((a, s) => a + s.gzip, 0);
    console.log(
      `initial JS: ${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}; total ${(total / 1024).toFixed(1)} KB gzip`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
    // TF.js registers its kernels by name; none of them may be in the page's own code.
    for (const f of chunks) expect(readFileSync(f, 'utf8'), f).not.toMatch(/Conv2DBackpropInput|tfjs-core/);
    const worker = readdirSync(join(out, 'assets')).filter((f) => /^inference\.worker-.*\.js$/.test(f));
    expect(worker.length).toBe(1);
    // The worker may split TF.js into chunks of its own (its backends load lazily): look through what it imports.
    const workerGraph = reachable([join(out, 'assets', worker[0])]);
    expect(workerGraph.some((f) => /Conv2DBackpropInput/.test(readFileSync(f, 'utf8')))).toBe(true);
  });
});
