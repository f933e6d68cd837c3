import { Button, Modal } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../lib/api/query';
import { createI18n } from '../lib/i18n';
import { useReturnFocus } from './useReturnFocus';

function Dialog({ onClose, returnFocus }: { onClose: () => void; returnFocus: boolean }) {
  return returnFocus ? <WithReturn onClose={onClose} /> : <Plain onClose={onClose} />;
}
function WithReturn({ onClose }: { onClose: () => void }) {
  useReturnFocus();
  return <Plain onClose={onClose} />;
}
function Plain({ onClose }: { onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Confirm" transitionProps={{ duration: 0 }}>
      <Button onClick={onClose}>Cancel</Button>
    </Modal>
  );
}

function Page({ returnFocus }: { returnFocus: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open</Button>
      {open && <Dialog returnFocus={returnFocus} onClose={() => setOpen(false)} />}
    </>
  );
}

function renderPage(returnFocus: boolean) {
  return render(
    <AppProviders i18n={createI18n('en-us')} queryClient={createQueryClient()} forceColorScheme="light">
      <Page returnFocus={returnFocus} />
    </AppProviders>,
  );
}

describe('useReturnFocus', () => {
  it('gives focus back to the opener when a conditionally mounted modal closes', async () => {
    const user = userEvent.setup();
    renderPage(true);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    await user.keyboard('{Enter}');
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true));
    await user.click(cancel);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('is needed: without it focus is lost to the page', async () => {
    const user = userEvent.setup();
    renderPage(false);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).not.toBe(opener);
  });
});
