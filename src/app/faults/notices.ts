import { createStore } from 'zustand/vanilla';

/** Something went wrong and was recovered from; the user is told what and what it means for them. */
export interface FaultNotice {
  id: number;
  /** Which fault: the e2e tests and the styles key on it. */
  kind: 'worker-restarted' | 'backend-fallback' | 'webgl-lost';
  message: string;
}

interface NoticeState {
  notices: FaultNotice[];
  add(kind: FaultNotice['kind'], message: string): void;
  dismiss(id: number): void;
}

/** Page-wide notices about recovered faults (apart from the app store: nothing computed depends on them); one per
 * page, made in main.tsx (AppServices.notices). */
export const createFaultNotices = () =>
  createStore<NoticeState>((set, get) => ({
    notices: [],
    add: (kind, message) => {
      const id = (get().notices.at(-1)?.id ?? 0) + 1;
      // One notice per kind: the newest replaces an older one rather than stacking up.
      set({ notices: [...get().notices.filter((n) => n.kind !== kind), { id, kind, message }] });
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  }));
export type FaultNoticesStore = ReturnType<typeof createFaultNotices>;
