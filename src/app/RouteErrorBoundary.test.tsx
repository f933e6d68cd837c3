import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DrsApiError } from '../lib/api/errors';
import { createQueryClient } from '../lib/api/query';
import { createI18n } from '../lib/i18n';
import { AppProviders } from './providers';
import { RouteErrorBoundary } from './RouteErrorBoundary';

describe('RouteErrorBoundary', () => {
  it('shows a readable error with a retry that renders the page again, and resets on navigation', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    function Page() {
      if (fail)
        throw new DrsApiError({ kind: 'http', status: 400, code: 'DRS.M00289', rawMessage: 'not found' });
      return <p>page content</p>;
    }
    const ui = (key: string) => (
      <AppProviders i18n={createI18n('en-us')} queryClient={createQueryClient()} forceColorScheme="light">
        <RouteErrorBoundary resetKey={key}>
          <Page />
        </RouteErrorBoundary>
      </AppProviders>
    );
    const view = render(ui('/tasks'));
    expect(screen.getByRole('heading', { name: 'This page could not be shown' })).toBeTruthy();
    expect(screen.getByTestId('drs-error-code').textContent).toBe('DRS.M00289');
    expect(screen.getByTestId('drs-error-meaning').textContent).toContain('No query result is found.');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByText('page content')).toBeTruthy();

    fail = true;
    view.rerender(ui('/create'));
    expect(screen.getByTestId('route-error')).toBeTruthy();
    fail = false;
    view.rerender(ui('/dr'));
    expect(screen.getByText('page content')).toBeTruthy();
    spy.mockRestore();
  });
});
