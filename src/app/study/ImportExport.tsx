import type { Study } from '../../core/eval/study-format';
import { appStore } from '../store/appStore';
import { selectAnnotationFile } from '../store/studySlice';
import { useAppStore } from '../store/useAppStore';
import { downloadText, fileStem } from './download';
import { studyDb } from './studyDb';
import { annotationsToCsv, parseAnnotationsText, StudyFileError, toJsonText } from './studyFiles';

/** Reads an annotation file for the open study; a corrupt file, another version or another study changes nothing. */
export async function importAnnotationsText(study: Study, text: string): Promise<boolean> {
  try {
    const file = parseAnnotationsText(text, study);
    appStore.getState().annotationsImported(file);
    appStore.getState().setStudyNotice({ kind: 'info', message: `Imported ${file.cases.reduce((n, c) => n + c.segments.length, 0)} marks on ${file.cases.length} cases by ${file.expert.name}.` });
    await studyDb.saveSession(study.id, file.expert.id);
    return true;
  } catch (e) {
    const why = e instanceof StudyFileError ? e.message : `Annotation file: ${e instanceof Error ? e.message : String(e)}`;
    appStore.getState().setStudyNotice({ kind: 'error', message: `${why}. Nothing was changed.` });
    return false;
  }
}

export function ImportAnnotationsButton({ study, label = 'Import…' }: { study: Study; label?: string }) {
  return (
    <label className="st-btn st-file">
      {label}
      <input
        type="file"
        accept=".json,application/json"
        aria-label="Import annotations (JSON)"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void f.text().then((t) => importAnnotationsText(study, t));
        }}
      />
    </label>
  );
}

/** Export of the expert's work: versioned JSON (re-importable) and CSV (one row per segment). */
export function ExportButtons() {
  const studyId = useAppStore((s) => s.study?.id);
  const expertId = useAppStore((s) => s.expert?.id);
  if (!studyId || !expertId) return null;
  const stem = `${fileStem(studyId)}-${fileStem(expertId)}`;
  return (
    <>
      <button type="button" className="st-btn" onClick={() => downloadText(`${stem}.annotations.json`, toJsonText(selectAnnotationFile(appStore.getState())!))}>
        Export JSON
      </button>
      <button type="button" className="st-btn" onClick={() => downloadText(`${stem}.annotations.csv`, annotationsToCsv([selectAnnotationFile(appStore.getState())!]), 'text/csv')}>
        Export CSV
      </button>
    </>
  );
}
