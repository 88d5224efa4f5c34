import { useStore } from 'zustand';
import { useServices } from '../services/AppServices';

/** The recovered faults (worker restarted, backend changed, 3D context lost), each with a way to dismiss it. */
export function FaultNotices() {
  const { notices: faultNotices } = useServices();
  const notices = useStore(faultNotices, (s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="fault-notices" aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} className="fault-notice" data-testid="fault-notice" data-kind={n.kind}>
          <span>{n.message}</span>
          <button type="button" className="button" onClick={() => faultNotices.getState().dismiss(n.id)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
