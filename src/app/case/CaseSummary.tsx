import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { describeRecord } from './describeRecord';
import { RecordNotes } from './RecordNotes';
import type { CaseEntry } from './manifest';
import { SPLIT_TEXT } from './modelSplit';

/**
 * What the case is and where it comes from, compact: title, the source's diagnosis statements, the model split and
 * the credit on view; the original report, record facts and notes behind "Record details" (a disclosure).
 */
export function CaseSummary({ entry, prepared }: { entry: CaseEntry; prepared: PreparedEcg | null }) {
  const { diagnosis, source, license } = entry;
  const record = prepared?.record;
  return (
    <section className="panel case-summary" aria-labelledby="case-title">
      <div className="case-headline">
        <h1 id="case-title" data-testid="case-title">
          {entry.title}
        </h1>
        <span className="case-statements" aria-label="Source statements">
          {diagnosis.statements.map((s) => (
            <span key={s.code} className="chip" title={`${source.dataset.split(',')[0]} statement ${s.code}`}>
              {s.description}
            </span>
          ))}
        </span>
        {entry.modelSplit && (
          <span
            className={`split-badge split-${entry.modelSplit}`}
            data-testid="case-model-split"
            title={SPLIT_TEXT[entry.modelSplit].long}
          >
            {SPLIT_TEXT[entry.modelSplit].short}
            <span className="visually-hidden">: {SPLIT_TEXT[entry.modelSplit].long}</span>
          </span>
        )}
      </div>
      <div className="case-subline">
        <p className="credit" data-testid="case-credit" title={entry.credit}>
          Data:{' '}
          <a href={source.url} target="_blank" rel="noreferrer">
            {entry.creditShort}
          </a>{' '}
          · license{' '}
          <a href={license.url} target="_blank" rel="noreferrer">
            {license.name}
          </a>
        </p>
        <details className="case-details">
          <summary>Record details</summary>
          <dl className="case-facts">
            <div>
              <dt>Source statements</dt>
              <dd>
                {diagnosis.statements.map((s) => (
                  <span key={s.code} className="chip" title={s.code}>
                    {s.description} <span className="chip-code">{s.code}</span>
                  </span>
                ))}
              </dd>
            </div>
            {diagnosis.report && (
              <div>
                <dt>Original report</dt>
                <dd>
                  “{diagnosis.report}”
                  {diagnosis.reportTranslation && (
                    <span className="muted"> (in English: “{diagnosis.reportTranslation}”)</span>
                  )}
                </dd>
              </div>
            )}
            <div>
              <dt>Record</dt>
              <dd>
                {source.ecgId !== undefined && <>PTB-XL ecg_id {source.ecgId} · </>}
                {record ? describeRecord(record) : entry.record}
                {record && record.derivedLeads.length > 0 && <> · derived: {record.derivedLeads.join(', ')}</>}
              </dd>
            </div>
          </dl>
          <RecordNotes notes={record?.notes} />
        </details>
      </div>
    </section>
  );
}
