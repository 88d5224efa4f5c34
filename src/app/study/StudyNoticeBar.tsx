import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { downloadText } from './download';

/** A refused file or unreadable stored data, said plainly; stored data that could not be read is offered as a download. */
export function StudyNoticeBar() {
  const appStore = useAppStoreApi();
  const notice = useAppStore((s) => s.studyNotice);
  if (!notice) return null;
  return (
    <div
      className={`st-notice st-notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="study-notice"
    >
      <p>{notice.message}</p>
      <div className="st-row">
        {notice.raw && (
          <button type="button" className="st-btn" onClick={() => downloadText('stored-study-data.json', notice.raw!)}>
            Download the stored data
          </button>
        )}
        <button type="button" className="st-btn" onClick={() => appStore.getState().setStudyNotice(null)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
