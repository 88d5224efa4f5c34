/**
 * Node entry point: `npm run -s cli -- <command> [args]`, JSON on stdout.
 * Errors are JSON too ({ "error": { code, message } }) on stdout with a non-zero exit,
 * so a pipeline over many records can keep going and still see what failed.
 */
import {
  BOOTSTRAP_RESAMPLES,
  GRADSHAP_SAMPLES,
  IG_STEPS,
  KERNEL_SHAP_EVALUATIONS,
  LIME_SAMPLES,
  NOISE_SAMPLES,
  NOISE_SIGMA,
  SHAP_REFERENCE_COUNT,
} from '../src/core/constants';
import { isCodedError } from '../src/core/errors';
import { KERNEL_SHAP_SEGMENT_MS, LIME_SEGMENT_MS } from '../src/core/xai/catalogue';
import { IntegrityError } from '../src/core/registry/integrity';
import { agreementCommand } from './commands/agreement';
import { statsBootstrapCommand } from './commands/stats';
import { reportToCsv } from '../src/core/eval/tables-format';
import { parseArgs } from 'node:util';
import { inspectRecord } from './commands/inspect';
import { cineRecord, parseCineArgs } from './commands/cine';
import { loadParsers, npyOptionsOf } from './lib/record-files';
import { convertRecord } from './commands/convert';
// predict, explain and evaluate load TF.js (~0.8 s of start-up): imported when those commands run, not for every command.
const predictCommand = () => import('./commands/predict');
const explainCommand = () => import('./commands/explain');
const evaluateModule = () => import('./commands/evaluate');
import { synthCommand } from './commands/synth';

const USAGE = `usage: npm run -s cli -- <command> …
  inspect <record>   sample rate, duration, leads, QRS onsets and the 400 ms model window
  predict [--model m.json] [--backend wasm|cpu] <record>…
                     one JSON line per record: { record, pAbnormal, label, windowStartMs } or { record, error }
                     (--model: the primary model in models/index.json unless given, here and for explain)
  explain <record> [--model m.json] [--method ig|gradshap|kernelshap|lime] [--samples N] [--steps ${IG_STEPS}] [--rule gausslegendre|riemann_trapezoid]
          [--noise-samples ${NOISE_SAMPLES}] [--sigma ${NOISE_SIGMA}] [--sigma-unit absolute|relative] [--segment-ms M] [--grouping lead-time|time]
          [--batch 50] [--seed 0] [--backend wasm]
                     JSON: input, logits, pAbnormal, attributions [k][t][lead], delta [k], phi, phiMapped, method, params, backend, ms
                     (ig: Integrated Gradients + noise tunnel, sigma in z-score units unless --sigma-unit relative;
                      gradshap: Gradient SHAP against the ${SHAP_REFERENCE_COUNT} normal reference windows beside the model, --samples ${GRADSHAP_SAMPLES} draws;
                      kernelshap: Kernel SHAP, --samples ${KERNEL_SHAP_EVALUATIONS} coalition evaluations, features = ${KERNEL_SHAP_SEGMENT_MS} ms segments × lead;
                      lime: LIME, --samples ${LIME_SAMPLES} perturbed samples, features = ${LIME_SEGMENT_MS} ms segments × lead;
                      --segment-ms sets the segment, --grouping time makes each segment span all leads)
  cine <record> [--walk v2|v1] [--vcg kors|inverse-dower]   (walk v1 only: [--step fixed|scaled] [--speed 0.5 (mm/ms)])
                     JSON: { frame: "LPS-mm", fsHz, windowStartMs, qrsOffsetMs, trajectory [[x,y,z]…] (mTSI, mm),
                             outsideMm [per sample, mm outside the epicardium, 0 inside], vcg [[x,y,z]…] (mV), … }
  convert <record> --to wfdb|csv --out DIR
                     the record's 12 leads as WFDB (.hea + .dat, format 16, 1 µV steps) or CSV (mV) → { written, fsHz, nSamples }
  agreement --postprocess positive|absolute|scaled
                     stdin { "cases": [ { id, label: normal|abnormal, phi: [T][L] or [T], mask: same shape of 0|1 } ] }
                     → { threshold, meanDice, cases: [ { id, dice, iou, spearman } ] } (paper 3.6; θ swept 0…1 by 0.01)
  stats bootstrap [--method bca|percentile] [--resamples ${BOOTSTRAP_RESAMPLES}] [--confidence 0.95] [--seed 0]
                     stdin a JSON array of numbers → { mean, low, high } (bootstrap interval of the mean)
  evaluate --study s.json --annotations a1.json [a2.json …] [--methods ig,gradshap,kernelshap,lime] [--steps ${IG_STEPS}] [--noise-samples ${NOISE_SAMPLES}]
           [--gradshap-samples ${GRADSHAP_SAMPLES}] [--kernelshap-samples ${KERNEL_SHAP_EVALUATIONS}] [--lime-samples ${LIME_SAMPLES}] [--batch 50] [--seed 0] [--cache DIR]
           [--faithfulness-steps 20] [--randomisation] [--resamples ${BOOTSTRAP_RESAMPLES}] [--backend wasm] [--markdown | --csv]
                     the optimisation pool of paper 4.1 over every annotated case: Tables 1–5 (BCa 95%), inter-expert
                     agreement, deletion/insertion faithfulness, optional model-randomisation check; JSON, Markdown or CSV
  synth --seed S --count N --out DIR [--pathology lafb|bbb|st|t-inversion|normal|mixed]
                     synthetic 12-lead ECGs (dipole model, WFDB format 16, 500 Hz, 10 s, gain 1000) with known truth:
                     synth-S-i.hea/.dat, its healthy twin synth-S-i-healthy.hea/.dat, synth-S-i.truth.json
                     { label, pathology, fsHz, mask: { lead: [[start, end), …] } } (|record − twin| ≥ 0.02 mV)
  <record>: a .hea (with its .dat/.mat beside it), a record path without extension, a .csv, a .npy, a DICOM waveform (.dcm),
            an SCP-ECG (.scp), or an HL7 aECG / GE MUSE / Philips XML export
  inspect, predict, explain and cine also take [--fs HZ] [--zscored] for a .npy of shape (N, 12) in the order I … V6:
            its rate (500 if not given) and whether it is already band-passed 0.5–40 Hz and z-scored (else mV)`;

/** What a .npy cannot say about itself; other formats ignore these. */
const NPY_OPTIONS = { fs: { type: 'string' }, zscored: { type: 'boolean' } } as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (['inspect', 'predict', 'explain', 'cine', 'convert'].includes(command)) await loadParsers(); // DICOM / XML readers
  switch (command) {
    case 'inspect': {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: NPY_OPTIONS });
      const load = npyOptionsOf(values);
      if (positionals.length !== 1 || !load) return usage();
      return emitAsync(async () => inspectRecord(positionals[0], load));
    }
    case 'convert': {
      const { values: v, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { to: { type: 'string' }, out: { type: 'string' }, ...NPY_OPTIONS },
      });
      const load = npyOptionsOf(v);
      if (positionals.length !== 1 || !v.to || !v.out || !load) return usage();
      return emitAsync(async () => convertRecord(positionals[0], v.to!, v.out!, load));
    }
    case 'explain': {
      const [{ DEFAULT_MODEL }, { explainRecord }] = await Promise.all([predictCommand(), explainCommand()]);
      const { values: v, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          model: { type: 'string', default: DEFAULT_MODEL },
          method: { type: 'string', default: 'ig' },
          backend: { type: 'string', default: 'wasm' },
          steps: { type: 'string' },
          rule: { type: 'string' },
          'noise-samples': { type: 'string' },
          sigma: { type: 'string' },
          'sigma-unit': { type: 'string' },
          batch: { type: 'string' },
          seed: { type: 'string' },
          samples: { type: 'string' },
          'segment-ms': { type: 'string' },
          grouping: { type: 'string' },
          ...NPY_OPTIONS,
        },
      });
      const load = npyOptionsOf(v);
      if (positionals.length !== 1 || !load) return usage();
      const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
      return emitAsync(() =>
        explainRecord({
          record: positionals[0],
          model: v.model!,
          method: v.method!,
          backend: v.backend!,
          steps: num(v.steps),
          rule: v.rule,
          noiseSamples: num(v['noise-samples']),
          sigma: num(v.sigma),
          sigmaUnit: v['sigma-unit'],
          batch: num(v.batch),
          seed: num(v.seed),
          samples: num(v.samples),
          segmentMs: num(v['segment-ms']),
          grouping: v.grouping,
          load,
        }),
      );
    }
    case 'cine': {
      const parsed = parseCineArgs(args);
      if (!parsed) return usage();
      return emitAsync(async () => cineRecord(parsed));
    }
    case 'predict': {
      const { DEFAULT_MODEL, predictRecords } = await predictCommand();
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          model: { type: 'string', default: DEFAULT_MODEL },
          backend: { type: 'string', default: 'wasm' },
          ...NPY_OPTIONS,
        },
      });
      const load = npyOptionsOf(values);
      if (positionals.length === 0 || !load) return usage();
      const failures = await predictRecords(positionals, values.model, values.backend, undefined, load);
      return failures === 0 ? 0 : 1;
    }
    case 'agreement': {
      const { values } = parseArgs({ args, options: { postprocess: { type: 'string' } } });
      const stdin = await readStdin();
      return emitAsync(async () => agreementCommand(stdin, values.postprocess));
    }
    case 'stats': {
      const [sub, ...rest] = args;
      if (sub !== 'bootstrap') return usage();
      const { values } = parseArgs({
        args: rest,
        options: {
          method: { type: 'string' },
          resamples: { type: 'string' },
          confidence: { type: 'string' },
          seed: { type: 'string' },
        },
      });
      const stdin = await readStdin();
      return emitAsync(async () => statsBootstrapCommand(stdin, values));
    }
    case 'evaluate': {
      const { values: v, positionals } = parseArgs({
        args,
        options: {
          study: { type: 'string' },
          annotations: { type: 'string', multiple: true },
          methods: { type: 'string' },
          steps: { type: 'string' },
          'noise-samples': { type: 'string' },
          'gradshap-samples': { type: 'string' },
          'kernelshap-samples': { type: 'string' },
          'lime-samples': { type: 'string' },
          batch: { type: 'string' },
          seed: { type: 'string' },
          cache: { type: 'string' },
          'faithfulness-steps': { type: 'string' },
          randomisation: { type: 'boolean' },
          resamples: { type: 'string' },
          backend: { type: 'string' },
          markdown: { type: 'boolean' },
          csv: { type: 'boolean' },
        },
        allowPositionals: true,
      });
      if (!v.study || !v.annotations?.length) return usage();
      const { evaluateCommand, evaluateMarkdown } = await evaluateModule();
      // `--annotations a1.json a2.json`: the files after the first arrive as positionals.
      const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
      const run = () =>
        evaluateCommand({
          study: v.study!,
          annotations: [...v.annotations!, ...positionals],
          methods: v.methods,
          steps: num(v.steps),
          noiseSamples: num(v['noise-samples']),
          gradshapSamples: num(v['gradshap-samples']),
          kernelshapSamples: num(v['kernelshap-samples']),
          limeSamples: num(v['lime-samples']),
          batch: num(v.batch),
          seed: num(v.seed),
          cache: v.cache,
          faithfulnessSteps: num(v['faithfulness-steps']),
          randomisation: v.randomisation,
          resamples: num(v.resamples),
          backend: v.backend,
          log: (line) => console.error(line),
        });
      if (v.markdown || v.csv) {
        try {
          const out = await run();
          process.stdout.write(v.markdown ? evaluateMarkdown(out) : reportToCsv(out));
          return 0;
        } catch (e) {
          return emitAsync(async () => {
            throw e;
          });
        }
      }
      return emitAsync(run);
    }
    case 'synth': {
      const { values: v, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          seed: { type: 'string' },
          count: { type: 'string' },
          out: { type: 'string' },
          pathology: { type: 'string' },
        },
      });
      if (positionals.length) return usage();
      return emitAsync(async () => synthCommand(v));
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
    const error = isCodedError(e)
      ? e.toJSON()
      : e instanceof IntegrityError
        ? { code: e.code, message: e.message }
        : { code: 'internal', message: String(e instanceof Error ? e.message : e) };
    console.log(JSON.stringify({ error }));
    return 1;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// An unknown or malformed option (node:util parseArgs, before any command runs) is a usage error, not a crash.
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw e;
    console.error(`cli: ${(e as Error).message}`);
    process.exitCode = 2;
  },
);
