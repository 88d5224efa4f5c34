import * as tf from '@tensorflow/tfjs';

/** One convolution of the inference graph: replication padding, then a 'valid' 1D convolution with a bias. */
export interface PadConvSpec {
  /** [K, CI, CO] (batch norm already folded in). */
  kernel: tf.Tensor3D;
  /** [CO]. */
  bias: tf.Tensor1D;
  /**
   * The same kernel flipped in time with in/out channels swapped, [K, CO, CI], per stride phase (see below):
   * what the input gradient convolves with. Precomputed once per compiled model.
   */
  backKernels: (tf.Tensor3D | null)[];
  stride: number;
  /** Replication padding before the convolution, in samples. */
  left: number;
  right: number;
}

/**
 * Builds the per-phase backward kernels of a strided convolution. For stride s and valid padding,
 * dxp[m·s + p] = Σ_o dy[o] · w[(m − o)·s + p], so each phase p of the (padded) input gradient is a stride-1
 * correlation of dy with the sub-kernel w_p[j] = w[j·s + p], flipped in time and with channels swapped; the s
 * phases are interleaved afterwards. This keeps the input gradient on the backend's forward convolution
 * (XNNPACK on wasm) without the zero-inserted input that would waste (s − 1)/s of its work.
 */
export function backKernelsOf(kernel: tf.Tensor3D, stride: number): (tf.Tensor3D | null)[] {
  const [K] = kernel.shape;
  const out: (tf.Tensor3D | null)[] = [];
  tf.tidy(() => {
    for (let p = 0; p < stride; p++) {
      const taps = Array.from({ length: Math.max(0, Math.ceil((K - p) / stride)) }, (_, j) => j * stride + p);
      // A phase no tap reaches (a 1-wide kernel with stride 2) gets no gradient at all.
      if (taps.length === 0) {
        out.push(null);
        continue;
      }
      const sub = tf.gather(kernel, taps.reverse(), 0) as tf.Tensor3D; // flipped in time
      out.push(tf.keep(tf.transpose(sub, [0, 2, 1])));
    }
  });
  return out;
}

/**
 * y = conv1d(edgePad(x), kernel, stride) + bias, with a hand-written input gradient: the transposed convolution
 * computed as forward convolutions (one per stride phase) and the replication padding's gradient folded onto the
 * first and last samples with two sums. TF.js's own gradient would take Conv2DBackpropInput (a slow generic path
 * on wasm, 65% of IG's time) and Tile/Concat gradients. Only the input gradient exists: the weights are constants.
 */
export function padConv(x: tf.Tensor3D, s: PadConvSpec): tf.Tensor3D {
  const op = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
    const xin = input as tf.Tensor3D;
    const padded = edgePad(xin, s.left, s.right);
    const [B, Wp, CI] = padded.shape;
    const CO = s.kernel.shape[2];
    // The bias rides in the convolution (FusedConv2D): one kernel instead of two.
    const y4 = tf.fused.conv2d({
      x: padded.reshape([B, 1, Wp, CI]) as tf.Tensor4D,
      filter: s.kernel.reshape([1, ...s.kernel.shape]) as tf.Tensor4D,
      strides: [1, s.stride],
      pad: 'valid',
      bias: s.bias,
    });
    const value = y4.reshape([B, y4.shape[2], CO]) as tf.Tensor3D;
    save([]);
    return { value, gradFunc: (dy: tf.Tensor) => inputGradient(dy as tf.Tensor3D, xin.shape[1], s) };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x) as tf.Tensor3D;
}

/**
 * Replication padding: the first and last samples sliced once and concatenated `left`/`right` times around x.
 * (On wasm, Tile and GatherV2 take generic slow paths; Concat is a row copy.)
 */
function edgePad(x: tf.Tensor3D, left: number, right: number): tf.Tensor3D {
  if (left === 0 && right === 0) return x;
  const T = x.shape[1];
  const first = x.slice([0, 0, 0], [-1, 1, -1]);
  const last = x.slice([0, T - 1, 0], [-1, 1, -1]);
  return tf.concat([...Array<tf.Tensor3D>(left).fill(first), x, ...Array<tf.Tensor3D>(right).fill(last)], 1);
}

/** dL/dx for y = conv(edgePad(x)): dy [B, OW, CO] → [B, T, CI]. */
export function inputGradient(dy: tf.Tensor3D, T: number, s: PadConvSpec): tf.Tensor3D {
  const [B, OW] = dy.shape;
  const CI = s.kernel.shape[1];
  const Wp = T + s.left + s.right;
  // Phase p produces dxp at positions m·s + p, m = 0 … ceil((Wp − p)/s) − 1.
  const phases = s.backKernels.map((bk, p) => {
    const M = Math.ceil((Wp - p) / s.stride);
    if (!bk) return tf.zeros([B, M, CI]) as tf.Tensor3D;
    const Kp = bk.shape[0];
    // dxp[m·s + p] = Σ_j dy[m − j] · w_p[j]: pad dy with Kp − 1 zeros on the left, and enough on the right for M outputs.
    const right = M - OW;
    let d = dy;
    if (right < 0) d = dy.slice([0, 0, 0], [-1, OW + right, -1]);
    const padded = tf.pad(d, [
      [0, 0],
      [Kp - 1, Math.max(0, right)],
      [0, 0],
    ]);
    return tf.conv1d(padded as tf.Tensor3D, bk, 1, 'valid');
  });
  let dxp: tf.Tensor3D;
  if (s.stride === 1) dxp = phases[0];
  else {
    // Interleave the phases: [B, M, s, CI] → [B, M·s, CI], then drop the tail past Wp.
    const M = phases[0].shape[1];
    const full = phases.map((ph) =>
      ph.shape[1] < M
        ? tf.pad(ph, [
            [0, 0],
            [0, M - ph.shape[1]],
            [0, 0],
          ])
        : ph,
    );
    dxp = tf
      .stack(full, 2)
      .reshape([B, M * s.stride, CI])
      .slice([0, 0, 0], [-1, Wp, -1]) as tf.Tensor3D;
  }
  if (s.left === 0 && s.right === 0) return dxp;
  // Replication padding: every padded copy of the first/last sample sends its gradient back to it.
  const first = dxp.slice([0, 0, 0], [-1, s.left + 1, -1]).sum(1, true);
  const last = dxp.slice([0, s.left + T - 1, 0], [-1, s.right + 1, -1]).sum(1, true);
  if (T === 1) return first.add(last).sub(dxp.slice([0, s.left, 0], [-1, 1, -1])) as tf.Tensor3D;
  const inner = dxp.slice([0, s.left + 1, 0], [-1, T - 2, -1]);
  return tf.concat([first, inner, last], 1) as tf.Tensor3D;
}
