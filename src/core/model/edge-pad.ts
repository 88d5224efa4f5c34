import * as tf from '@tensorflow/tfjs';

export interface EdgePad1DArgs {
  left: number;
  right: number;
  name?: string;
}

/**
 * Replication ("edge") padding along time for [batch, time, channels] (paper 3.2: it avoids the artificial
 * importance that zero padding creates at the window's edges). TF.js has only reflect/symmetric mirrorPad,
 * so it is built from slice + tile + concat, whose gradients every backend has.
 * Registered for serialization, so a saved model restores it by class name.
 */
export class EdgePad1D extends tf.layers.Layer {
  static className = 'EdgePad1D';
  readonly left: number;
  readonly right: number;

  constructor(args: EdgePad1DArgs) {
    super({ name: args.name });
    this.left = args.left;
    this.right = args.right;
  }

  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = shape as tf.Shape;
    return [s[0], s[1] === null ? null : (s[1] as number) + this.left + this.right, s[2]];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [, t] = x.shape;
      const parts: tf.Tensor3D[] = [];
      if (this.left > 0) parts.push(tf.tile(x.slice([0, 0, 0], [-1, 1, -1]), [1, this.left, 1]));
      parts.push(x);
      if (this.right > 0) parts.push(tf.tile(x.slice([0, t - 1, 0], [-1, 1, -1]), [1, this.right, 1]));
      return parts.length === 1 ? x.clone() : tf.concat(parts, 1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), left: this.left, right: this.right };
  }
}
tf.serialization.registerClass(EdgePad1D);
