import * as tf from '@tensorflow/tfjs';
import { EdgePad1D } from './edge-pad';
import { backwardSupported, directionalGradients, type Step } from './graph-backward';
import { backKernelsOf, padConv, type PadConvSpec } from './pad-conv';

/**
 * A loaded layers model turned into a plain function of its input for inference and input gradients
 * (explanations): batch normalisation folded into the convolution before it (y = γ(Wx − μ)/√(σ² + ε) + β is the
 * convolution with W·s and bias β − μ·s, s = γ/√(σ² + ε): exactly the same function), replication padding and
 * convolution fused into one op with a cheap hand-written input gradient (pad-conv.ts). Every other layer runs
 * as the layer itself. Only inference: no training, no dropout. The folded weights are tensors owned by the
 * graph: `dispose()` frees them (the model's own weights are untouched).
 */
export interface InferenceGraph {
  /** [B, T, C] → the model's output (logits, [B, 2]). Differentiable with respect to x. */
  apply(x: tf.Tensor3D): tf.Tensor2D;
  /**
   * ∇_x (d·f) for each logit direction d, [D, B, T, C], from one forward and one stacked backward pass; null when
   * a layer has no hand-written gradient (then differentiate `apply` with TF.js's tape).
   */
  gradients: ((x: tf.Tensor3D, directions: readonly (readonly [number, number])[]) => tf.Tensor4D) | null;
  /** How many convolutions were fused, and how many batch norms folded into them (for tests and the bench). */
  fused: { convolutions: number; batchNorms: number };
  dispose(): void;
}

interface LayerInternals {
  inboundNodes: { inboundLayers: tf.layers.Layer[] }[];
}

const inboundNames = (l: tf.layers.Layer) =>
  ((l as unknown as LayerInternals).inboundNodes[0]?.inboundLayers ?? []).map((x) => x.name);

export function compileInferenceGraph(model: tf.LayersModel): InferenceGraph {
  if (model.inputs.length !== 1 || model.outputs.length !== 1)
    throw new Error('the inference graph needs a model with one input and one output');
  const layers = model.layers;
  const byName = new Map(layers.map((l) => [l.name, l]));
  const consumers = new Map<string, string[]>();
  for (const l of layers) for (const i of inboundNames(l)) consumers.set(i, [...(consumers.get(i) ?? []), l.name]);
  const only = (name: string) => (consumers.get(name)?.length === 1 ? consumers.get(name)![0] : null);

  const steps: Step[] = [];
  const owned: tf.Tensor[] = [];
  /** Layers whose work another step does (a pad inside its convolution, a batch norm folded into it). */
  const absorbed = new Map<string, string>();
  let convolutions = 0;
  let batchNorms = 0;

  for (const l of layers) {
    if (absorbed.has(l.name)) continue;
    const ins = inboundNames(l);
    if (ins.length === 0) {
      steps.push({ kind: 'input', name: l.name });
      continue;
    }
    const cfg = l.getConfig() as Record<string, unknown>;
    if (
      l.getClassName() === 'Conv1D' &&
      cfg.padding === 'valid' &&
      first(cfg.dilationRate) === 1 &&
      cfg.activation === 'linear'
    ) {
      const [kernel, convBias] = l.getWeights() as [tf.Tensor3D, tf.Tensor1D | undefined];
      const CO = kernel.shape[2];
      // The padding layer before it, when it feeds nothing else.
      const src = byName.get(ins[0])!;
      const pad = src instanceof EdgePad1D && only(src.name) === l.name ? src : null;
      // The batch norm after it, when it is the convolution's only consumer and normalises channels.
      const next = only(l.name);
      const bnLayer = next ? byName.get(next)! : null;
      const bn =
        bnLayer &&
        bnLayer.getClassName() === 'BatchNormalization' &&
        [-1, 2].includes(bnLayer.getConfig().axis as number)
          ? bnLayer
          : null;
      const { k, b } = tf.tidy(() => {
        let k: tf.Tensor3D = kernel;
        let b: tf.Tensor1D = convBias ?? tf.zeros([CO]);
        if (bn) {
          const w = weightsByName(bn);
          const bc = bn.getConfig() as { epsilon: number };
          const gamma = w.gamma ?? tf.ones([CO]);
          const beta = w.beta ?? tf.zeros([CO]);
          const scale = gamma.div(w.moving_variance.add(bc.epsilon).sqrt()) as tf.Tensor1D;
          k = k.mul(scale) as tf.Tensor3D;
          b = b.sub(w.moving_mean).mul(scale).add(beta) as tf.Tensor1D;
        }
        return { k: tf.keep(k.clone()), b: tf.keep(b.clone()) };
      });
      const stride = first(cfg.strides);
      const spec: PadConvSpec = {
        kernel: k,
        bias: b,
        backKernels: backKernelsOf(k, stride),
        stride,
        left: pad?.left ?? 0,
        right: pad?.right ?? 0,
      };
      owned.push(k, b, ...spec.backKernels.filter((t): t is tf.Tensor3D => t !== null));
      // The fused step replaces the pad (reads its input) and answers under the batch norm's name.
      const input = pad ? inboundNames(pad)[0] : ins[0];
      if (pad)
        steps.splice(
          steps.findIndex((s) => s.name === pad.name),
          1,
        );
      steps.push({ kind: 'padconv', name: bn ? bn.name : l.name, input, spec });
      if (bn) (absorbed.set(bn.name, l.name), batchNorms++);
      convolutions++;
      continue;
    }
    steps.push({ kind: 'layer', name: l.name, inputs: ins, layer: l });
  }
  const outputName = model.outputLayers[0].name;

  return {
    fused: { convolutions, batchNorms },
    gradients: backwardSupported(steps, outputName)
      ? (x, directions) => directionalGradients(steps, outputName, x, directions)
      : null,
    apply(x) {
      return tf.tidy(() => {
        const values = new Map<string, tf.Tensor>();
        for (const s of steps) {
          if (s.kind === 'input') values.set(s.name, x);
          else if (s.kind === 'padconv') values.set(s.name, padConv(values.get(s.input) as tf.Tensor3D, s.spec));
          else {
            const args = s.inputs.map((n) => values.get(n)!);
            values.set(s.name, s.layer.apply(args.length === 1 ? args[0] : args, { training: false }) as tf.Tensor);
          }
        }
        return values.get(outputName) as tf.Tensor2D;
      });
    },
    dispose() {
      for (const t of owned) t.dispose();
    },
  };
}

/** A 1D layer's stride or dilation: a number or a one-element array in the layer config. */
const first = (v: unknown): number => Number(Array.isArray(v) ? v[0] : (v ?? 1));

/** A layer's weights by their short name (gamma, beta, moving_mean, moving_variance …). */
function weightsByName(l: tf.layers.Layer): Record<string, tf.Tensor1D> {
  const values = l.getWeights();
  return Object.fromEntries(l.weights.map((w, i) => [w.originalName.split('/').pop()!, values[i] as tf.Tensor1D]));
}
