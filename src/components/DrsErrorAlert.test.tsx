import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../lib/api/query';
import { DrsApiError } from '../lib/api/errors';
import { createI18n } from '../lib/i18n';
import { DrsErrorAlert } from './DrsErrorAlert';

function renderAlert(error: unknown, language: 'en-us' | 'zh-cn', onRetry?: () => void) {
  return render(
    <AppProviders i18n={createI18n(language)} queryClient={createQueryClient()} forceColorScheme="light">
      <DrsErrorAlert error={error} {...(onRetry ? { onRetry } : {})} />
    </AppProviders>,
  );
}

const invalid = new DrsApiError({
  kind: 'http',
  status: 400,
  code: 'DRS.M00202',
  rawMessage: 'The value of parameter per_page is invalid.',
  operation: 'listJobs',
});

describe('DrsErrorAlert', () => {
  it('shows code, meaning, fix and the raw message of DRS.M00202 in English', () => {
    renderAlert(invalid, 'en-us');
    expect(screen.getByTestId('drs-error-code').textContent).toBe('DRS.M00202');
    expect(screen.getByTestId('drs-error-meaning').textContent).toBe(
      'Meaning: The value of parameter %s is invalid.',
    );
    expect(screen.getByTestId('drs-error-fix').textContent).toBe('What to do: Check the request parameters.');
    expect(screen.getByTestId('drs-error-raw').textContent).toContain('per_page is invalid');
    expect(screen.getByRole('alert').textContent).toContain('HTTP status 400');
  });

  it('shows the meaning and fix of DRS.M00202 in Simplified Chinese', () => {
    renderAlert(invalid, 'zh-cn');
    expect(screen.getByTestId('drs-error-meaning').textContent).toBe('含义: 参数 %s 的值无效。');
    expect(screen.getByTestId('drs-error-fix').textContent).toBe('处理方法: 请检查请求参数。');
  });

  it('explains network failures and non-JSON answers, and unknown codes', () => {
    const { unmount } = renderAlert(new DrsApiError({ kind: 'network' }), 'en-us');
    expect(screen.getByTestId('drs-error-meaning').textContent).toContain('could not be reached');
    unmount();
    const second = renderAlert(new DrsApiError({ kind: 'parse', status: 502 }), 'zh-cn');
    expect(screen.getByTestId('drs-error-meaning').textContent).toContain('不是 JSON');
    second.unmount();
    renderAlert(new DrsApiError({ kind: 'http', status: 400, code: 'DRS.X99999' }), 'en-us');
    expect(screen.getByTestId('drs-error-meaning').textContent).toContain('No description is known');
  });

  it('offers a retry', async () => {
    const onRetry = vi.fn();
    renderAlert(invalid, 'en-us', onRetry);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
