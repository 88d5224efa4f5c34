/**
 * Node entry point: `npm run -s cli -- <command> [args]`, JSON on stdout.
 * Errors are JSON too ({ "error": { code, message } }) on stdout with a non-zero exit,
 * so a pipeline over many records can keep going and still see what failed.
 */
import { isEcgError } from '../src/core/errors';
import { parseArgs } from 'node:util';
import { inspectRecord } from './commands/inspect';
import { cineRecord, parseCineArgs } from './commands/cine';
// predict and explain load TF.js (~0.8 s of start-up): imported when those commands run, not for every command.
const predictCommand = () => import('./commands/predict');
const explainCommand = () => import('./commands/explain');

const USAGE = `usage: npm run -s cli -- <command> …
  inspect <record>   sample rate, duration, leads, QRS onsets and the 400 ms model window
  predict [--model models/ecg12/model.json] [--backend wasm|cpu] <record>…
                     one JSON line per record: { record, pAbnormal, label, windowStartMs } or { record, error }
  explain <record> [--model m.json] [--method ig|gradshap|kernelshap|lime] [--samples N] [--steps 50] [--rule gausslegendre|riemann_trapezoid]
          [--noise-samples 40] [--sigma 0.15] [--sigma-unit absolute|relative] [--segment-ms M] [--grouping lead-time|time]
          [--batch 50] [--seed 0] [--backend wasm]
                     JSON: input, logits, pAbnormal, attributions [k][t][lead], delta [k], phi, phiMapped, method, params, backend, ms
                     (ig: Integrated Gradients + noise tunnel, sigma in z-score units unless --sigma-unit relative;
                      gradshap: Gradient SHAP against the 150 normal reference windows beside the model, --samples 50 draws;
                      kernelshap: Kernel SHAP, --samples 100 coalition evaluations, features = 100 ms segments × lead;
                      lime: LIME, --samples 500 perturbed samples, features = 50 ms segments × lead;
                      --segment-ms sets the segment, --grouping time makes each segment span all leads)
  cine <record> [--vcg kors|inverse-dower] [--step fixed|scaled] [--speed 0.5 (mm/ms)]
                     JSON: { frame: "LPS-mm", fsHz, windowStartMs, trajectory [[x,y,z]…] (mTSI, mm), vcg [[x,y,z]…] (mV), … }
  <record>: a .hea (with its .dat/.mat beside it), a record path without extension, or a .csv`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'inspect': {
      if (args.length !== 1) return usage();
      return emitAsync(async () => inspectRecord(args[0]));
    }
    case 'explain': {
      const [{ DEFAULT_MODEL }, { explainRecord }] = await Promise.all([predictCommand(), explainCommand()]);
      const { values: v, positionals } = parseArgs({
        args, allowPositionals: true,
        options: {
          model: { type: 'string', default: DEFAULT_MODEL }, method: { type: 'string', default: 'ig' }, backend: { type: 'string', default: 'wasm' },
          steps: { type: 'string' }, rule: { type: 'string' }, 'noise-samples': { type: 'string' }, sigma: { type: 'string' },
          'sigma-unit': { type: 'string' }, batch: { type: 'string' }, seed: { type: 'string' }, samples: { type: 'string' },
          'segment-ms': { type: 'string' }, grouping: { type: 'string' },
        },
      });
      if (positionals.length !== 1) return usage();
      const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
      return emitAsync(() => explainRecord({
        record: positionals[0], model: v.model!, method: v.method!, backend: v.backend!, steps: num(v.steps), rule: v.rule,
        noiseSamples: num(v['noise-samples']), sigma: num(v.sigma), sigmaUnit: v['sigma-unit'], batch: num(v.batch), seed: num(v.seed), samples: num(v.samples),
        segmentMs: num(v['segment-ms']), grouping: v.grouping,
      }));
    }
    case 'cine': {
      const parsed = parseCineArgs(args);
      if (!parsed) return usage();
      return emitAsync(async () => cineRecord(parsed));
    }
    case 'predict': {
      const { DEFAULT_MODEL, predictRecords } = await predictCommand();
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { model: { type: 'string', default: DEFAULT_MODEL }, backend: { type: 'string', default: 'wasm' } } });
      if (positionals.length === 0) return usage();
      const failures = await predictRecords(positionals, values.model, values.backend);
      return failures === 0 ? 0 : 1;
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

async function emitAsync(run: () => Promise<unknown>): Promise<number> {
  try {
    console.log(JSON.stringify(await run()));
    return 0;
  } catch (e) {
    const error = isEcgError(e) ? e.toJSON() : { code: 'internal', message: String(e instanceof Error ? e.message : e) };
    console.log(JSON.stringify({ error }));
    return 1;
  }
}


main(process.argv.slice(2)).then((code) => (process.exitCode = code));
