import { Stack, Title } from '@mantine/core';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../components/DrsErrorAlert';

interface BoundaryProps {
  children: ReactNode;
  /** A new key (e.g. the path) clears the error. */
  resetKey: string;
  onReset?: () => void;
}
interface BoundaryState {
  error: unknown;
  key: string;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (import.meta.env.DEV) console.warn('route error', error, info.componentStack);
  }

  reset = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error !== null) return <RouteErrorView error={this.state.error} onRetry={this.reset} />;
    return this.props.children;
  }
}

function RouteErrorView({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720} data-testid="route-error">
      <Title order={2}>{t('error.routeTitle')}</Title>
      <DrsErrorAlert error={error} onRetry={onRetry} />
    </Stack>
  );
}

/** Error boundary around one route's content: a readable error and a retry that also resets failed queries. */
export function RouteErrorBoundary({ children, resetKey }: { children: ReactNode; resetKey: string }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary resetKey={resetKey} onReset={reset}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
