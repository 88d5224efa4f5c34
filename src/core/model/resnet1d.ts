import * as tf from '@tensorflow/tfjs';
import { EdgePad1D } from './edge-pad';

/** The structural hyper-parameters of the 1D-ResNet (paper 3.2); the search varies these. */
export interface ResNet1dConfig {
  /** Input window: samples × channels (200 × 12 for the 12-lead model, 200 × 3 for CineECG). */
  timeSteps: number;
  channels: number;
  /** Filters of the strided stem convolution. */
  stemFilters: number;
  stemKernel: number;
  /** One entry per residual block: filters and stride (2 halves the time axis; no pooling anywhere). */
  blocks: { filters: number; stride: 1 | 2 }[];
  kernel: number;
  dropout: number;
  /** L2 penalty on convolution and dense kernels. */
  l2: number;
  /**
   * Nonlinearity. 'swish' (x·sigmoid x) is smooth, so the Integrated Gradients path integral converges with
   * 50 Gauss–Legendre steps (paper 3.2: a network kept strictly differentiable for gradient explanations);
   * ReLU's kinks left a 3% completeness gap at 50 steps on our trained model.
   */
  activation?: 'relu' | 'swish';
  seed: number;
}

export const DEFAULT_RESNET: ResNet1dConfig = {
  timeSteps: 200,
  channels: 12,
  stemFilters: 32,
  stemKernel: 7,
  blocks: [
    { filters: 32, stride: 1 },
    { filters: 64, stride: 2 },
    { filters: 64, stride: 2 },
  ],
  kernel: 7,
  dropout: 0.3,
  l2: 1e-4,
  activation: 'swish',
  seed: 1,
};

export const LOGIT_LAYER = 'logits';
export const CLASS_NAMES = ['normal', 'abnormal'] as const;

/**
 * 1D-ResNet (paper 3.2): strided convolutional stem (no pooling, against shattered gradients), residual blocks
 * with replication padding, global average pooling, dropout, a dense layer with 2 outputs. The outputs are the
 * pre-softmax logits: attributions are computed on them; probabilities are softmax(logits) outside the model.
 * No dilation: TF.js cannot differentiate dilated convolutions.
 */
export function buildResNet1d(cfg: ResNet1dConfig = DEFAULT_RESNET): tf.LayersModel {
  let seed = cfg.seed;
  const init = () => tf.initializers.heNormal({ seed: seed++ });
  const reg = () => (cfg.l2 > 0 ? tf.regularizers.l2({ l2: cfg.l2 }) : undefined);
  const conv = (x: tf.SymbolicTensor, filters: number, kernel: number, stride: number, name: string) => {
    const padTotal = kernel - 1;
    const padded =
      padTotal > 0
        ? (new EdgePad1D({ left: Math.floor(padTotal / 2), right: Math.ceil(padTotal / 2), name: `${name}_pad` }).apply(
            x,
          ) as tf.SymbolicTensor)
        : x;
    return tf.layers
      .conv1d({
        filters,
        kernelSize: kernel,
        strides: stride,
        padding: 'valid',
        useBias: false,
        kernelInitializer: init(),
        kernelRegularizer: reg(),
        name,
      })
      .apply(padded) as tf.SymbolicTensor;
  };
  // Momentum 0.9, not the TF.js default 0.99: with ~20–40 steps per epoch the moving statistics must settle fast.
  const bn = (x: tf.SymbolicTensor, name: string) =>
    tf.layers.batchNormalization({ momentum: 0.9, name }).apply(x) as tf.SymbolicTensor;
  const act = cfg.activation ?? 'swish';
  const activate = (x: tf.SymbolicTensor, name: string) =>
    tf.layers.activation({ activation: act, name }).apply(x) as tf.SymbolicTensor;

  const input = tf.input({ shape: [cfg.timeSteps, cfg.channels], name: 'ecg' });
  let x = activate(bn(conv(input, cfg.stemFilters, cfg.stemKernel, 2, 'stem_conv'), 'stem_bn'), 'stem_act');
  let filters = cfg.stemFilters;
  cfg.blocks.forEach((b, i) => {
    const p = `block${i + 1}`;
    let y = activate(bn(conv(x, b.filters, cfg.kernel, b.stride, `${p}_conv1`), `${p}_bn1`), `${p}_act1`);
    y = bn(conv(y, b.filters, cfg.kernel, 1, `${p}_conv2`), `${p}_bn2`);
    const skip =
      b.stride !== 1 || b.filters !== filters ? bn(conv(x, b.filters, 1, b.stride, `${p}_skip`), `${p}_skip_bn`) : x;
    x = activate(tf.layers.add({ name: `${p}_add` }).apply([y, skip]) as tf.SymbolicTensor, `${p}_act2`);
    filters = b.filters;
  });
  x = tf.layers.globalAveragePooling1d({ name: 'gap' }).apply(x) as tf.SymbolicTensor;
  // No layer seed: TF.js would then draw the same dropout mask at every step. Training seeds Math.random instead.
  x = tf.layers.dropout({ rate: cfg.dropout, name: 'dropout' }).apply(x) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({
      units: 2,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      kernelRegularizer: reg(),
      name: LOGIT_LAYER,
    })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits, name: 'resnet1d' });
}
