import { Component, Fragment, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { type AppError, toAppError } from '../errors/appError';
import { clearPanelCrash, type PanelName, panelCrashes } from './panelCrash';

/** Throws while rendering when a test asked this panel to crash (see panelCrash.ts); renders nothing otherwise. */
function CrashProbe({ panel }: { panel: PanelName }) {
  const crash = useStore(panelCrashes, (s) => s.crashing.has(panel));
  if (crash) throw new Error(`forced render error in the ${panel} panel (test hook)`);
  return null;
}

interface Props {
  panel: PanelName;
  /** What the panel is, in words: "The 12-lead grid could not be drawn". */
  label: string;
  children: ReactNode;
}

/**
 * One panel's error boundary: a crash while drawing it shows what failed and a "Try again" button in its place;
 * the other panels and the rest of the app keep working. "Try again" remounts the panel from the store's state.
 */
export class PanelBoundary extends Component<Props, { error: AppError | null; attempt: number }> {
  override state: { error: AppError | null; attempt: number } = { error: null, attempt: 0 };

  static getDerivedStateFromError(e: unknown): { error: AppError } {
    return { error: toAppError(e) };
  }

  override componentDidCatch(e: unknown): void {
    console.error(`${this.props.panel} panel crashed:`, e);
  }

  private retry = () => {
    clearPanelCrash(this.props.panel);
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (error) {
      return (
        <section className="panel panel-crashed" role="alert" data-testid={`panel-crashed-${this.props.panel}`}>
          <h2 className="panel-title">{this.props.label} could not be drawn</h2>
          <p className="error-message">
            <code className="error-code">{error.code}</code> {error.message}
          </p>
          <p>The rest of the app is unaffected.</p>
          <button type="button" className="button" onClick={this.retry}>
            Try again
          </button>
        </section>
      );
    }
    return (
      // A keyed Fragment, no element: the panels' layout rules (`.workspace > .heart-panel`, flex sizing) see no
      // wrapper; a new key on "Try again" remounts the panel.
      <Fragment key={attempt}>
        <CrashProbe panel={this.props.panel} />
        {this.props.children}
      </Fragment>
    );
  }
}
