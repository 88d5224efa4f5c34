import { cohortAgreement } from '../../src/core/eval/agreement';
import { parseAgreementInput } from '../../src/core/eval/agreement-input';
import { EvalError } from '../../src/core/eval/eval-error';
import { POST_PROCESSES, type PostProcess } from '../../src/core/eval/importance';

/**
 * `cli agreement --postprocess positive|absolute|scaled`: stdin `{ "cases": [ { id, label, phi, mask } ] }` →
 * `{ threshold, meanDice, cases: [ { id, dice, iou, spearman } ] }` by issue 10's definitions 1–5
 * (src/core/eval/agreement.ts). Nulls: cases without marks, Spearman of a constant side, an empty cohort.
 */
export function agreementCommand(stdin: string, postprocess: string | undefined) {
  if (!POST_PROCESSES.includes(postprocess as PostProcess)) {
    throw new EvalError(
      'bad-input',
      `--postprocess must be one of ${POST_PROCESSES.join(', ')}, got ${postprocess === undefined ? 'nothing' : `"${postprocess}"`}`,
      'postprocess',
    );
  }
  const r = cohortAgreement(parseAgreementInput(stdin), postprocess as PostProcess);
  return { threshold: r.threshold, meanDice: r.meanDice, cases: r.cases };
}
