import { execFileSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = resolve(ROOT, '.cache/cli/cli.js');
const run = (...args: string[]) =>
  execFileSync('node', ['scripts/run-cli.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CLI_VERBOSE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('the bundled CLI (npm run cli)', () => {
  it('runs the commands of scripts/cli.ts, and is rebuilt when a source it was built from changes, never run stale', () => {
    const inspect = JSON.parse(run('inspect', 'public/cases/ptbxl-00285/00285_hr.hea'));
    expect(inspect.fsHz).toBe(500);
    expect(inspect.windowSamples).toBe(200);
    const built = statSync(BUNDLE).mtimeMs;
    run('--help');
    expect(statSync(BUNDLE).mtimeMs).toBe(built); // fresh: not rebuilt
    // A source file of a command (not cli.ts itself) becomes newer than the bundle.
    const source = resolve(ROOT, 'scripts/commands/inspect.ts');
    const later = new Date(Date.now() + 2000);
    utimesSync(source, later, later);
    run('--help');
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(built);
  }, 120_000);

  it('an unknown option is a usage error (exit 2, the option named on stderr), not a stack trace', () => {
    let code = 0;
    let err = '';
    try {
      run('evaluate', '--no-such-option');
    } catch (e) {
      code = (e as { status: number }).status;
      err = (e as { stderr: string }).stderr;
    }
    expect(code).toBe(2);
    expect(err).toContain("cli: Unknown option '--no-such-option'");
    expect(err).not.toContain('    at ');
  });

  it('unreadable input still gives the JSON error and exit code 1', () => {
    let code = 0;
    let out = '';
    try {
      run('inspect', 'no/such/record.hea');
    } catch (e) {
      code = (e as { status: number }).status;
      out = (e as { stdout: string }).stdout;
    }
    expect(code).toBe(1);
    expect(JSON.parse(out).error.message).toMatch(/record\.hea|no such|not found/i);
  }, 60_000);
});
