#!/usr/bin/env node
/**
 * `npm test`: every check of the project, in order, then one closing line "N passed, N failed".
 *   1. Chromium from Debian when missing (the browser tests need it)   2. TypeScript (tsc --noEmit)
 *   3. Lint (ESLint: layer boundaries), format (Prettier --check)   4. Dead code (knip)   5. Unit tests (Vitest)
 *   6. Browser tests (Playwright + Chromium)
 *   7. Supply chain: `npm audit --omit=dev --audit-level=high` (a high/critical finding fails; unreachable = skipped, said)
 * Skipped tests (e.g. those needing ../shared/data) are counted and named, never silent.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runAudit } from './supply-chain-audit.mjs';

const CHROMIUM = '/usr/bin/chromium';
const results = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  console.log(`${CHROMIUM} is missing: installing Debian's chromium`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
      stdio: 'inherit',
    });
  } catch {
    console.log('could not install chromium: the browser tests will fail');
  }
  return existsSync(CHROMIUM);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
ensureChromium();

const tsc = run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
results.push({ name: 'typecheck', passed: tsc === 0 ? 1 : 0, failed: tsc === 0 ? 0 : 1, skipped: 0 });

const lint = run('lint', 'npx', ['eslint', '.']);
results.push({ name: 'lint', passed: lint === 0 ? 1 : 0, failed: lint === 0 ? 0 : 1, skipped: 0 });

const format = run('format', 'npx', ['prettier', '--check', '.']);
results.push({ name: 'format', passed: format === 0 ? 1 : 0, failed: format === 0 ? 0 : 1, skipped: 0 });

const knip = run('dead code', 'npx', ['knip']);
results.push({ name: 'dead code', passed: knip === 0 ? 1 : 0, failed: knip === 0 ? 0 : 1, skipped: 0 });

const unitStatus = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json');
if (unit) {
  const skippedNames = unit.testResults.flatMap((f) =>
    f.assertionResults.filter((a) => a.status !== 'passed' && a.status !== 'failed').map((a) => a.fullName),
  );
  results.push({
    name: 'unit',
    passed: unit.numPassedTests,
    failed: unit.numFailedTests + (unit.numFailedTestSuites ?? 0),
    skipped: unit.numPendingTests + unit.numTodoTests,
    skippedNames,
  });
} else
  results.push({
    name: 'unit',
    passed: 0,
    failed: 1,
    skipped: 0,
    note: `vitest exited ${unitStatus} without a report`,
  });

const e2eStatus = run('browser tests', 'npx', ['playwright', 'test'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json',
});
const e2e = readJson('test-results/e2e.json');
if (e2e?.stats) {
  const s = e2e.stats;
  const noReport = e2eStatus !== 0 && s.unexpected === 0 ? 1 : 0; // e.g. the web server failed to start
  results.push({ name: 'browser', passed: s.expected + s.flaky, failed: s.unexpected + noReport, skipped: s.skipped });
} else
  results.push({
    name: 'browser',
    passed: 0,
    failed: 1,
    skipped: 0,
    note: `playwright exited ${e2eStatus} without a report`,
  });

console.log('\n=== supply chain: npm audit --omit=dev --audit-level=high');
const audit = runAudit();
console.log(`npm audit: ${audit.verdict}: ${audit.reason}`);
results.push({
  name: 'supply chain',
  passed: audit.verdict === 'pass' ? 1 : 0,
  failed: audit.verdict === 'fail' ? 1 : 0,
  skipped: audit.verdict === 'skipped' ? 1 : 0,
  ...(audit.verdict === 'skipped' && { skippedNames: [`npm audit: ${audit.reason}`] }),
});

console.log('\n=== summary');
for (const r of results) {
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? ` (${r.note})` : ''}`);
  for (const n of r.skippedNames ?? []) console.log(`  skipped: ${n}`);
}
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
