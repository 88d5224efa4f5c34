import type { Study } from '../../core/eval/study-format';
import type { AppStore } from '../store/appStore';
import { selectAnnotationFile } from '../store/studySlice';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { downloadText, fileStem } from './download';
import { studyDb } from './studyDb';
import { csvToAnnotations } from '../../core/eval/annotations-csv';
import { isEvalError } from '../../core/eval/eval-error';
import type { AnnotationFile } from '../../core/eval/study-format';
import { annotationsToCsv, parseAnnotationsText, StudyFileError, toJsonText } from './studyFiles';

/** One expert's annotations from CSV (one row per segment; no notes, so diagnosis and comments come in empty). */
function fromCsv(appStore: AppStore, study: Study, text: string): AnnotationFile {
  try {
    const files = csvToAnnotations(text, { studyId: study.id, study, updatedAt: new Date().toISOString() });
    if (files.length !== 1)
      throw new StudyFileError(`Annotation CSV: it holds ${files.length} experts; import one expert's file at a time`);
    // The CSV knows only the expert's id: keep the name of the expert at work when it is them.
    const current = appStore.getState().expert;
    return current?.id === files[0].expert.id ? { ...files[0], expert: current } : files[0];
  } catch (e) {
    if (isEvalError(e)) throw new StudyFileError(`Annotation CSV: ${e.message}`);
    throw e;
  }
}

/** Reads an annotation file (JSON, or CSV by name) for the open study; a corrupt file, another version or another study changes nothing. */
export async function importAnnotationsText(
  appStore: AppStore,
  study: Study,
  text: string,
  fileName = '',
): Promise<boolean> {
  try {
    const file = /\.csv$/i.test(fileName) ? fromCsv(appStore, study, text) : parseAnnotationsText(text, study);
    appStore.getState().annotationsImported(file);
    appStore.getState().setStudyNotice({
      kind: 'info',
      message: `Imported ${file.cases.reduce((n, c) => n + c.segments.length, 0)} marks on ${file.cases.length} cases by ${file.expert.name}.`,
    });
    await studyDb.saveSession(study.id, file.expert.id);
    return true;
  } catch (e) {
    const why =
      e instanceof StudyFileError ? e.message : `Annotation file: ${e instanceof Error ? e.message : String(e)}`;
    appStore.getState().setStudyNotice({ kind: 'error', message: `${why}. Nothing was changed.` });
    return false;
  }
}

export function ImportAnnotationsButton({ study, label = 'Import…' }: { study: Study; label?: string }) {
  const appStore = useAppStoreApi();
  return (
    <label className="st-btn st-file">
      {label}
      <input
        type="file"
        accept=".json,.csv,application/json,text/csv"
        aria-label="Import annotations (JSON or CSV)"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void f.text().then((t) => importAnnotationsText(appStore, study, t, f.name));
        }}
      />
    </label>
  );
}

/** Export of the expert's work: versioned JSON (re-importable) and CSV (one row per segment). */
export function ExportButtons() {
  const appStore = useAppStoreApi();
  const studyId = useAppStore((s) => s.study?.id);
  const expertId = useAppStore((s) => s.expert?.id);
  if (!studyId || !expertId) return null;
  const stem = `${fileStem(studyId)}-${fileStem(expertId)}`;
  return (
    <>
      <button
        type="button"
        className="st-btn"
        onClick={() => downloadText(`${stem}.annotations.json`, toJsonText(selectAnnotationFile(appStore.getState())!))}
      >
        Export JSON
      </button>
      <button
        type="button"
        className="st-btn"
        onClick={() =>
          downloadText(
            `${stem}.annotations.csv`,
            annotationsToCsv([selectAnnotationFile(appStore.getState())!]),
            'text/csv',
          )
        }
      >
        Export CSV
      </button>
    </>
  );
}
