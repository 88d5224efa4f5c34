import { useState } from 'react';
import type { Expert, Study } from '../../core/eval/study-format';
import { EvaluationView } from './evaluation/EvaluationView';
import { MADE_UP_NOTE } from './studyUrl';

/**
 * The coordinator's entry to the evaluation (`?study…&evaluate`). Closed while an expert's blind session is open in
 * this browser: the evaluation shows labels, predictions and attributions, which would break their blindness.
 * Otherwise a confirmation first, so nobody lands on the tables by accident.
 */
export function CoordinatorEvaluation({
  study,
  expert,
  onClose,
}: {
  study: Study;
  expert: Expert | null;
  onClose: () => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  if (expert) {
    return (
      <main className="st-home">
        <section className="st-card" aria-labelledby="st-locked-title" data-testid="evaluation-locked">
          <h1 id="st-locked-title">The evaluation is closed during blind annotation</h1>
          <p>
            {expert.name}
            {expert.madeUp ? ` (${MADE_UP_NOTE})` : ''} is annotating “{study.title}” blind in this browser. The
            evaluation shows each case’s label, the model’s prediction and its explanations, so it does not open here
            while their session is open.
          </p>
          <p className="st-muted st-small">
            Evaluate on the coordinator’s machine from the experts’ exported annotations; or, once this expert has
            finished and exported their work, leave their session (Files → Switch expert) first.
          </p>
          <button type="button" className="st-btn" onClick={onClose}>
            Back to the annotation
          </button>
        </section>
      </main>
    );
  }
  if (confirmed) return <EvaluationView study={study} onClose={onClose} />;
  return (
    <main className="st-home">
      <section className="st-card" aria-labelledby="st-coord-eval-title" data-testid="evaluation-confirm">
        <p className="st-eyebrow">Coordinator · {study.cases.length} cases</p>
        <h1 id="st-coord-eval-title">Evaluate “{study.title}”</h1>
        <p>
          The evaluation shows each case’s label, the model’s predictions and the explanations, and compares them with
          the experts’ marks (Tables 1–5). Experts who still annotate this study must not see it.
        </p>
        <div className="st-row">
          <button type="button" className="st-btn st-primary" onClick={() => setConfirmed(true)}>
            I am the coordinator: open the evaluation
          </button>
          <button type="button" className="st-btn" onClick={onClose}>
            Back to the study
          </button>
        </div>
      </section>
    </main>
  );
}
