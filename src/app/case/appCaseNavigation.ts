import { appStore } from '../store/appStore';
import { type CaseNavigation, createCaseNavigation } from './caseNavigation';
import { openCase } from './openCase';

let navigation: CaseNavigation | null = null;

/** The app's navigation, bound to `appStore` and this window (made on first use, never at import). */
export function appCaseNavigation(): CaseNavigation {
  navigation ??= createCaseNavigation(appStore, {
    location: window.location,
    history: window.history,
    fetch: (url) => fetch(url),
    openCase,
  });
  return navigation;
}
