import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { urlWithCase } from '../case/caseNavigation';
import { describeRecord } from '../case/describeRecord';
import type { CaseEntry } from '../case/manifest';
import { selectSynthTruth } from '../store/synthSlice';
import { useAppStore } from '../store/useAppStore';
import { openInPlace } from './SynthCaseLinks';
import { useServices } from '../services/AppServices';
import { pairedSynthCaseId, parseSynthCaseId, SYNTH_NOTICE, synthCaseEntry } from './synthCatalogue';
import './synth.css';

/**
 * The case strip for a synthetic case: says it is synthetic (not a patient), what was injected and the truth's label,
 * links the healthy twin (and back) in one click, and says which model explains it.
 */
export function SynthCaseSummary({ entry, prepared }: { entry: CaseEntry; prepared: PreparedEcg | null }) {
  const { navigation } = useServices();
  const ref = parseSynthCaseId(entry.id);
  const truth = useAppStore(selectSynthTruth);
  const paired = pairedSynthCaseId(entry.id);
  const pairedEntry = paired ? synthCaseEntry(paired) : null;
  const label = truth?.label ?? (ref?.twin || ref?.pathology === 'normal' ? 'normal' : 'abnormal');
  const injected = truth?.injection;
  const detail = injected
    ? [
        injected.territory && `${injected.territory} territory`,
        injected.sign && (injected.sign > 0 ? 'elevation' : 'depression'),
        injected.side && `${injected.side}-sided terminal delay`,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <section
      className="panel case-summary synth-summary"
      aria-labelledby="case-title"
      data-testid="synth-summary"
      data-synth-twin={ref?.twin ? 'true' : 'false'}
    >
      <div className="case-headline">
        <h1 id="case-title" data-testid="case-title">
          {entry.title}
        </h1>
        <span className="synth-badge" title={SYNTH_NOTICE}>
          Synthetic — not a patient
        </span>
        <span
          className="chip"
          data-testid="synth-truth-label"
          data-label={label}
          title="Known by construction, not predicted"
        >
          Truth: {label}
          {ref &&
            !ref.twin &&
            ref.pathology !== 'normal' &&
            ` (${entry.diagnosis.statements[0].description.replace(' (synthetic)', '')}${detail ? `, ${detail}` : ''}, injected)`}
        </span>
        {paired && pairedEntry && (
          <a
            className="button"
            data-testid="synth-twin-link"
            href={urlWithCase(window.location.href, paired)}
            onClick={(e) => openInPlace(e, paired, navigation)}
            title={
              ref?.twin
                ? 'Back to the record with the injected change'
                : 'The same beats and noise without the injected change'
            }
          >
            {ref?.twin
              ? `Back to ${pairedEntry.diagnosis.statements[0].description.replace(' (synthetic)', '')} record`
              : 'Healthy twin'}
          </a>
        )}
      </div>
      <div className="case-subline">
        <p
          className="muted synth-note"
          data-testid="synth-note"
          title={`${SYNTH_NOTICE} The app explains it with its 12-lead model, trained on real PTB-XL records; a model trained on synthetic records (models/synth) exists for the benchmark only.`}
        >
          Generated here, not a patient · explained by the 12-lead model trained on real ECGs (models/synth is for the
          benchmark)
        </p>
        <details className="case-details">
          <summary>Record details</summary>
          <p className="synth-note">
            {entry.diagnosis.report} {prepared ? describeRecord(prepared.record) : entry.record}. Same bytes as{' '}
            <code>cli synth --seed 16 --count 2 --pathology {ref?.pathology}</code> → {entry.record}.
          </p>
        </details>
      </div>
    </section>
  );
}
