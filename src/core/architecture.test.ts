import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core is plain TypeScript usable in Node, in a Web Worker and in training scripts:
 * no React, three.js, zustand's React binding, DOM, or Node-only modules outside tests.
 * (The excalidraw pattern of a lint rule, enforced here as a test so CI needs no extra tooling.)
 */
const CORE = join(import.meta.dirname);
const FORBIDDEN_IMPORTS = [
  /^react(-dom)?(\/|$)/,
  /^three(\/|$)/,
  /^@react-three\//,
  /^zustand$/,
  /^zustand\/react/,
  /^node:/,
  /^(fs|path|os|child_process|url)$/,
];
const FORBIDDEN_GLOBALS = [/\bdocument\./, /\bwindow\./, /\bHTML\w*Element\b/, /\bprocess\.env\b/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '__fixtures__' ? [] : sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('src/core stays free of UI and platform code', () => {
  const files = sources(CORE);
  it('has source files to check', () => expect(files.length).toBeGreaterThan(10));
  for (const file of files) {
    it(relative(CORE, file), () => {
      const text = readFileSync(file, 'utf8');
      const imports = [
        ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((m) => m[1] ?? m[2]);
      for (const spec of imports)
        expect(
          FORBIDDEN_IMPORTS.some((re) => re.test(spec)),
          `imports ${spec}`,
        ).toBe(false);
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const re of FORBIDDEN_GLOBALS) expect(re.test(code), `uses ${re}`).toBe(false);
    });
  }
});
