import { Component, type ReactNode } from 'react';
import { type AppError, toAppError } from './appError';
import { ErrorPanel } from './ErrorPanel';

/** Last line of defence against a blank screen: a render-time exception becomes an ErrorPanel. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: AppError | null }> {
  override state: { error: AppError | null } = { error: null };

  static getDerivedStateFromError(e: unknown): { error: AppError } {
    return { error: toAppError(e) };
  }

  override render(): ReactNode {
    if (this.state.error) return <ErrorPanel error={this.state.error} title="Something went wrong while drawing" />;
    return this.props.children;
  }
}
