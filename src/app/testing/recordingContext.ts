/**
 * A stand-in for CanvasRenderingContext2D that records calls, so the pure draw helpers can be tested in
 * Node without a canvas. Only what the helpers use is implemented.
 */
export interface Call {
  op: string;
  args: unknown[];
  /** Style state at the time of the call. */
  strokeStyle: unknown;
  fillStyle: unknown;
  lineWidth: number;
}

export function recordingContext(): { ctx: CanvasRenderingContext2D; calls: Call[]; of: (op: string) => Call[] } {
  const calls: Call[] = [];
  const state = { strokeStyle: '#000' as unknown, fillStyle: '#000' as unknown, lineWidth: 1 };
  const stack: Array<typeof state> = [];
  const record =
    (op: string) =>
    (...args: unknown[]) => {
      calls.push({ op, args, ...state });
    };
  const target: Record<string, unknown> = {
    save: () => stack.push({ ...state }),
    restore: () => Object.assign(state, stack.pop()),
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    lineJoin: 'miter',
    lineCap: 'butt',
  };
  for (const op of [
    'beginPath',
    'moveTo',
    'lineTo',
    'stroke',
    'fill',
    'fillRect',
    'rect',
    'clip',
    'fillText',
    'setTransform',
    'setLineDash',
    'drawImage',
  ]) {
    target[op] = record(op);
  }
  const ctx = new Proxy(target, {
    get: (t, k: string) => (k in state ? state[k as keyof typeof state] : t[k]),
    set: (t, k: string, v) => {
      if (k in state) (state as Record<string, unknown>)[k] = v;
      else t[k] = v;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls, of: (op) => calls.filter((c) => c.op === op) };
}
