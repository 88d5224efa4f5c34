import { createContext, type ReactNode, useContext } from 'react';
import type { CaseNavigation } from '../case/caseNavigation';
import type { ExplainController } from '../explain/connectExplain';
import type { FaithfulnessController } from '../explain/connectFaithfulness';
import type { AppStore } from '../store/appStore';
import type { TourStore } from '../tour/tourStore';
import type { FaultNoticesStore } from '../faults/notices';
import type { CameraChannelStore } from '../share/cameraChannel';

/**
 * What the UI works with, created once in main.tsx and passed down here (issue 17): the store, the controllers over
 * the worker client, case navigation and the small stores beside the app's (tour, camera, fault notices). Components take them from this context instead of from module-level
 * singletons, so a test or a second view can render the same components over another store.
 */
export interface AppServices {
  store: AppStore;
  /** Null when the worker could not start (the prediction panel says why) and in study mode. */
  explain: ExplainController | null;
  faithfulness: FaithfulnessController | null;
  /** Null in study mode (the blind page never opens viewer cases). */
  navigation: CaseNavigation | null;
  /** The teaching tour's state (step, presenter mode, highlights). */
  tour: TourStore;
  /** Between the 3D view and whoever steers or records its camera (the tour, the address). */
  camera: CameraChannelStore;
  /** Recovered faults the user is told about (worker restarted, backend changed). */
  notices: FaultNoticesStore;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

/** The app's services; throws outside AppServicesProvider (a wiring mistake, not a user-facing state). */
export function useServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useServices() outside <AppServicesProvider>: main.tsx creates the services');
  return services;
}
