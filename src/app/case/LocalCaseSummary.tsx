import { FORMAT_NAMES } from '../../core/ecg/format-names';
import { rateCheck } from '../../core/ecg/heart-rate';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { useAppStore } from '../store/useAppStore';
import { DeviceSays } from './DeviceSays';
import { describeRecord } from './describeRecord';
import { RecordNotes } from './RecordNotes';
import { SaveRecord } from './SaveRecord';
import { nameDiagnoses } from './snomed';
import { describePick, pickFirstRecord } from './pickRecord';

/** Header comments can be long (Challenge headers list age, sex, Dx, …): show the first few. */
const MAX_COMMENTS = 6;

/** The user's own record: its file names, rate, length and format, and "your file" where a demo case credits its source. */
export function LocalCaseSummary({ fileNames, prepared }: { fileNames: string[]; prepared: PreparedEcg | null }) {
  const failed = useAppStore((s) => s.caseStatus === 'error');
  const record = prepared?.record;
  const pick = pickFirstRecord(fileNames);
  // A .npy stores no sampling rate: the one typed (or assumed) is checked against the heart rate it implies.
  const rateNote = prepared && record?.format === 'npy' ? rateCheck(record.fsHz, prepared.qrsOnsetsMs) : null;
  const comments =
    record?.comments
      .filter((c) => c.trim())
      .slice(0, MAX_COMMENTS)
      .map(nameDiagnoses) ?? [];
  return (
    <section className="panel case-summary" aria-labelledby="case-title" data-local-case="true">
      <div className="case-headline">
        <h1 id="case-title" data-testid="case-title">
          {(pick?.files ?? fileNames).join(' + ')}
        </h1>
        <span className="muted local-facts-line" data-testid="local-record-facts">
          <RecordFacts record={record} failed={failed} />
        </span>
      </div>
      {pick && (
        <p className="record-pick" role="note" data-testid="record-pick">
          {describePick(pick)}
        </p>
      )}
      {rateNote && (
        <p className="record-pick" role="note" data-testid="rate-check">
          {rateNote}
        </p>
      )}
      <div className="case-subline">
        <p className="credit" data-testid="case-credit">
          Your file, read in this browser — no source to credit; nothing was uploaded.
        </p>
        <details className="case-details">
          <summary>Record details</summary>
          <dl className="case-facts">
            <div>
              <dt>Record</dt>
              <dd>
                <RecordFacts record={record} failed={failed} />
              </dd>
            </div>
            {comments.length > 0 && (
              <div>
                <dt>Header comments</dt>
                <dd className="local-comments">{comments.join(' · ')}</dd>
              </div>
            )}
            <div>
              <dt>Model data</dt>
              <dd>Unknown: if this record comes from a public dataset, the model may have been trained on it.</dd>
            </div>
          </dl>
          <RecordNotes notes={record?.notes} />
          <DeviceSays report={record?.device} />
          {record && !record.preprocessed && <SaveRecord record={record} />}
        </details>
      </div>
    </section>
  );
}

/** One line: name · format · rate, length and leads (· derived leads), or how reading stands. */
function RecordFacts({ record, failed }: { record: PreparedEcg['record'] | undefined; failed: boolean }) {
  if (!record) return <>{failed ? 'could not be read (see below)' : 'reading…'}</>;
  return (
    <>
      {record.name} · {FORMAT_NAMES[record.format]} · {describeRecord(record)}
      {record.derivedLeads.length > 0 && <> · derived: {record.derivedLeads.join(', ')}</>}
    </>
  );
}
