/**
 * The `cli agreement` input, `{ "cases": [ { "id", "label", "phi", "mask" } ] }` with phi and mask both [T][L]
 * (time-major, as `cli explain` prints Φ) or both [T], validated into AgreementCase (channel-major).
 */
import { EvalError, describeValue } from './eval-error';
import type { AgreementCase } from './importance';

export function parseAgreementInput(input: unknown): AgreementCase[] {
  let v = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input);
    } catch (e) {
      throw new EvalError('bad-json', `the input is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const cases = (v as { cases?: unknown } | null)?.cases;
  if (typeof v !== 'object' || v === null || !Array.isArray(cases))
    throw new EvalError('bad-input', `expected { "cases": [ … ] }, got ${describeValue(v)}`, 'cases');
  const ids = new Set<string>();
  return cases.map((raw, i) => {
    const p = `cases[${i}]`;
    const c = raw as Record<string, unknown>;
    if (typeof c !== 'object' || c === null)
      throw new EvalError('bad-input', `expected an object, got ${describeValue(c)}`, p);
    if (typeof c.id !== 'string' || c.id === '')
      throw new EvalError('bad-input', `expected a non-empty string, got ${describeValue(c.id)}`, `${p}.id`);
    if (ids.has(c.id)) throw new EvalError('bad-input', `case id "${c.id}" appears twice`, `${p}.id`);
    ids.add(c.id);
    if (c.label !== 'normal' && c.label !== 'abnormal')
      throw new EvalError('bad-input', `expected "normal" or "abnormal", got ${describeValue(c.label)}`, `${p}.label`);
    const phi = matrix(c.phi, `${p}.phi`, (x) => typeof x === 'number' && Number.isFinite(x), 'a finite number');
    const mask = matrix(c.mask, `${p}.mask`, (x) => x === 0 || x === 1, '0 or 1');
    if (phi.T !== mask.T || phi.L !== mask.L) {
      throw new EvalError(
        'bad-input',
        `phi is ${phi.shape} but mask is ${mask.shape}: they must have the same shape`,
        `${p}.mask`,
      );
    }
    return { id: c.id, label: c.label, channels: phi.channels.map((col, l) => ({ phi: col, mask: mask.channels[l] })) };
  });
}

/** [T][L] or [T] → L channel arrays of length T, every entry checked. */
function matrix(
  v: unknown,
  path: string,
  ok: (x: unknown) => boolean,
  what: string,
): { T: number; L: number; shape: string; channels: number[][] } {
  if (!Array.isArray(v) || v.length === 0)
    throw new EvalError('bad-input', `expected a non-empty array ([T] or [T][L]), got ${describeValue(v)}`, path);
  if (!Array.isArray(v[0])) {
    v.forEach((x, t) => {
      if (!ok(x)) throw new EvalError('bad-input', `expected ${what}, got ${describeValue(x)}`, `${path}[${t}]`);
    });
    return { T: v.length, L: 1, shape: `[${v.length}]`, channels: [v as number[]] };
  }
  const L = (v[0] as unknown[]).length;
  if (L === 0) throw new EvalError('bad-input', 'a row has no leads', `${path}[0]`);
  const channels = Array.from({ length: L }, () => new Array<number>(v.length));
  v.forEach((row, t) => {
    if (!Array.isArray(row) || row.length !== L)
      throw new EvalError(
        'bad-input',
        `expected a row of ${L} values, got ${describeValue(row)}${Array.isArray(row) ? ` of ${row.length}` : ''}`,
        `${path}[${t}]`,
      );
    row.forEach((x, l) => {
      if (!ok(x)) throw new EvalError('bad-input', `expected ${what}, got ${describeValue(x)}`, `${path}[${t}][${l}]`);
      channels[l][t] = x as number;
    });
  });
  return { T: v.length, L, shape: `[${v.length}][${L}]`, channels };
}
