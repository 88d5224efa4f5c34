import { useAppStoreApi } from '../store/useAppStore';

/** The expert's free-text diagnosis and comments on the open case (paper 3.5: "leaving their diagnosis"). */
export function CaseNotes({ diagnosis, comments }: { diagnosis: string; comments: string }) {
  const appStore = useAppStoreApi();
  return (
    <div className="st-notes">
      <label>
        Your diagnosis
        <textarea
          className="st-input"
          rows={2}
          value={diagnosis}
          onChange={(e) => appStore.getState().setCaseText('diagnosis', e.target.value)}
        />
      </label>
      <label>
        Comments
        <textarea
          className="st-input"
          rows={2}
          value={comments}
          onChange={(e) => appStore.getState().setCaseText('comments', e.target.value)}
        />
      </label>
    </div>
  );
}
