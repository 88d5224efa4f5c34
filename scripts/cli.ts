/**
 * Node entry point: `npm run -s cli -- <command> [args]`, JSON on stdout.
 * Errors are JSON too ({ "error": { code, message } }) on stdout with a non-zero exit,
 * so a pipeline over many records can keep going and still see what failed.
 */
import { isEcgError } from '../src/core/errors';
import { inspectRecord } from './commands/inspect';

const USAGE = `usage: npm run -s cli -- <command> …
  inspect <record>   sample rate, duration, leads, QRS onsets and the 400 ms model window
                     <record>: a .hea (with its .dat/.mat beside it), a record path without extension, or a .csv`;

function main(argv: string[]): number {
  const [command, ...args] = argv;
  switch (command) {
    case 'inspect': {
      if (args.length !== 1) return usage();
      return emit(() => inspectRecord(args[0]));
    }
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE);
      return command ? 0 : 2;
    default:
      console.error(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

function emit(run: () => unknown): number {
  try {
    console.log(JSON.stringify(run()));
    return 0;
  } catch (e) {
    const error = isEcgError(e) ? e.toJSON() : { code: 'internal', message: String(e instanceof Error ? e.message : e) };
    console.log(JSON.stringify({ error }));
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
