import type { AppStore } from '../store/appStore';
import type { Fetch } from './fetchCase';
import { caseIdFromUrl, loadCase } from './loadCase';
import type { OpenCase } from './openCase';
import { openLocalFiles } from './openLocalFiles';
import type { LocalFile } from './readLocalFiles';

/** The page's address with `?case=` set (or removed, for null), every other parameter and the hash kept. */
export function urlWithCase(href: string, caseId: string | null): string {
  const url = new URL(href);
  if (caseId === null) url.searchParams.delete('case');
  else url.searchParams.set('case', caseId);
  return url.href;
}

/** What navigation needs from the browser; tests pass fakes. */
export interface CaseNavigationEnv {
  location: { readonly href: string };
  history: { pushState(data: unknown, unused: string, url: string): void };
  fetch: Fetch;
  openCase: OpenCase;
}

export interface CaseNavigation {
  /** Opens a bundled case and puts it in the address (a new history entry), so it is linkable and survives reload. */
  openDemo(caseId: string): Promise<void>;
  /** Opens the user's files; the address drops `?case=` (a reload cannot reopen local files). */
  openFiles(files: readonly LocalFile[]): Promise<void>;
  /** Back/forward: opens whatever case the address now names. */
  followAddress(): Promise<void>;
}

export function createCaseNavigation(store: AppStore, env: CaseNavigationEnv): CaseNavigation {
  const go = (caseId: string | null) => {
    const next = urlWithCase(env.location.href, caseId);
    if (next !== env.location.href) env.history.pushState(caseId === null ? null : { caseId }, '', next);
  };
  return {
    openDemo(caseId) {
      go(caseId);
      return loadCase(store, caseId, env);
    },
    openFiles(files) {
      go(null);
      return openLocalFiles(store, files, env);
    },
    followAddress() {
      return loadCase(store, caseIdFromUrl(new URL(env.location.href).search), env);
    },
  };
}
