import * as tf from '@tensorflow/tfjs';
import { inputGradient, type PadConvSpec } from './pad-conv';

/** The steps of an inference graph (inference-graph.ts), in topological order. */
export type Step =
  | { kind: 'input'; name: string }
  | { kind: 'padconv'; name: string; input: string; spec: PadConvSpec }
  | { kind: 'layer'; name: string; inputs: string[]; layer: tf.layers.Layer };

/** Layers the hand-written backward pass knows; any other makes `backwardSupported` false (the tape is used). */
export function backwardSupported(steps: Step[], outputName: string): boolean {
  return steps.every((s) => {
    if (s.kind !== 'layer') return true;
    const cls = s.layer.getClassName();
    const cfg = s.layer.getConfig() as { activation?: string; useBias?: boolean };
    if (cls === 'Activation') return ['swish', 'linear', 'relu'].includes(cfg.activation ?? '');
    if (cls === 'Dense') return s.name === outputName && (cfg.activation ?? 'linear') === 'linear';
    return cls === 'Add' || cls === 'GlobalAveragePooling1D' || cls === 'Dropout';
  });
}

/**
 * ∇_x (d·f)(x) for several logit directions d at once: ONE forward pass that keeps what the backward pass needs,
 * then one backward pass on a batch of D × B, the D directions stacked along the batch axis. The convolutions'
 * input gradients are linear and batch-agnostic; the activations' derivatives are computed once from the forward
 * pass and broadcast over the directions. This is what PyTorch does with retain_graph (one forward, one backward
 * per class); TF.js's tape would rerun the forward pass for each class. Returns [D, B, T, C].
 */
export function directionalGradients(
  steps: Step[],
  outputName: string,
  x: tf.Tensor3D,
  directions: readonly (readonly [number, number])[],
): tf.Tensor4D {
  return tf.tidy(() => {
    const [B, T, C] = x.shape;
    const D = directions.length;
    const values = new Map<string, tf.Tensor>();
    const slopes = new Map<string, tf.Tensor>(); // activation name → f′(z), [B, …]
    for (const s of steps) {
      if (s.kind === 'input') values.set(s.name, x);
      else if (s.kind === 'padconv') {
        const xin = values.get(s.input) as tf.Tensor3D;
        const [b, w, ci] = xin.shape;
        const padded = tf.concat(
          [
            ...Array<tf.Tensor3D>(s.spec.left).fill(xin.slice([0, 0, 0], [-1, 1, -1])),
            xin,
            ...Array<tf.Tensor3D>(s.spec.right).fill(xin.slice([0, w - 1, 0], [-1, 1, -1])),
          ],
          1,
        );
        const y = tf.fused.conv2d({
          x: padded.reshape([b, 1, w + s.spec.left + s.spec.right, ci]) as tf.Tensor4D,
          filter: s.spec.kernel.reshape([1, ...s.spec.kernel.shape]) as tf.Tensor4D,
          strides: [1, s.spec.stride],
          pad: 'valid',
          bias: s.spec.bias,
        });
        values.set(s.name, y.reshape([b, y.shape[2], s.spec.kernel.shape[2]]));
      } else {
        const args = s.inputs.map((n) => values.get(n)!);
        const cls = s.layer.getClassName();
        if (cls === 'Activation') {
          const z = args[0];
          const act = (s.layer.getConfig() as { activation: string }).activation;
          if (act === 'swish') {
            const sg = tf.sigmoid(z);
            const y = tf.mul(z, sg);
            slopes.set(s.name, tf.add(sg, tf.mul(y, tf.sub(1, sg)))); // d(z·σ(z))/dz = σ + z·σ·(1 − σ)
            values.set(s.name, y);
          } else if (act === 'relu') {
            slopes.set(s.name, tf.cast(tf.greater(z, 0), 'float32'));
            values.set(s.name, tf.relu(z));
          } else values.set(s.name, z);
        } else values.set(s.name, s.layer.apply(args.length === 1 ? args[0] : args, { training: false }) as tf.Tensor);
      }
    }

    // Backward, the D directions stacked along the batch: gradients are [D·B, …].
    const grads = new Map<string, tf.Tensor>();
    const accumulate = (name: string, g: tf.Tensor) =>
      grads.set(name, grads.has(name) ? tf.add(grads.get(name)!, g) : g);
    const repeat = (t: tf.Tensor) => (D === 1 ? t : tf.concat(Array<tf.Tensor>(D).fill(t), 0)); // [B, …] → [D·B, …]
    for (const s of [...steps].reverse()) {
      if (s.kind === 'input') continue;
      if (s.name === outputName && s.kind === 'layer') {
        // Dense: ∂(d·(hW + b))/∂h = W d for every row of the batch.
        const W = s.layer.getWeights()[0] as tf.Tensor2D; // [F, 2]
        const perDirection = tf.matMul(
          W,
          tf.tensor2d(
            directions.map((d) => [...d]),
            [D, 2],
          ),
          false,
          true,
        ); // [F, D]
        const g = tf.reshape(tf.tile(tf.transpose(perDirection).reshape([D, 1, -1]), [1, B, 1]), [D * B, -1]);
        accumulate(s.inputs[0], g);
        continue;
      }
      const dy = grads.get(s.name);
      if (!dy) continue; // nothing downstream depends on it
      if (s.kind === 'padconv') {
        const T_in = (values.get(s.input) as tf.Tensor3D).shape[1];
        accumulate(s.input, inputGradient(dy as tf.Tensor3D, T_in, s.spec));
        continue;
      }
      const cls = s.layer.getClassName();
      if (cls === 'Activation') {
        const slope = slopes.get(s.name);
        accumulate(s.inputs[0], slope ? tf.mul(dy, repeat(slope)) : dy);
      } else if (cls === 'Add') for (const i of s.inputs) accumulate(i, dy);
      else if (cls === 'Dropout') accumulate(s.inputs[0], dy);
      else if (cls === 'GlobalAveragePooling1D') {
        const [, t, f] = values.get(s.inputs[0])!.shape as [number, number, number];
        accumulate(s.inputs[0], tf.broadcastTo(tf.div(dy, t).reshape([D * B, 1, f]), [D * B, t, f]));
      } else throw new Error(`graph backward: no gradient for ${cls}`);
    }
    const inputName = steps.find((s) => s.kind === 'input')!.name;
    return (grads.get(inputName) ?? tf.zeros([D * B, T, C])).reshape([D, B, T, C]) as tf.Tensor4D;
  });
}
