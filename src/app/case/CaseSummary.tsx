import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { describeRecord } from './describeRecord';
import { RecordNotes } from './RecordNotes';
import type { CaseEntry } from './manifest';
import { SPLIT_TEXT } from './modelSplit';

/** What the case is and where it comes from: title, the source's diagnosis statements, credit and license. */
export function CaseSummary({ entry, prepared }: { entry: CaseEntry; prepared: PreparedEcg | null }) {
  const { diagnosis, source, license } = entry;
  const record = prepared?.record;
  return (
    <section className="panel case-summary" aria-labelledby="case-title">
      <p className="eyebrow">Demo case · {source.dataset.split(',')[0]}</p>
      <h1 id="case-title" data-testid="case-title">
        {entry.title}
      </h1>
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
              {diagnosis.reportTranslation && <span className="muted"> (in English: “{diagnosis.reportTranslation}”)</span>}
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
        {entry.modelSplit && (
          <div>
            <dt>Model data</dt>
            <dd data-testid="case-model-split">{SPLIT_TEXT[entry.modelSplit].long}</dd>
          </div>
        )}
      </dl>
      <RecordNotes notes={record?.notes} />
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
    </section>
  );
}
