import { useEffect, useState } from 'react';

/**
 * Gives focus back to the dialog's opener when a dialog that is mounted only while open
 * (`{open && <Modal opened … />}`) goes away. Mantine's Modal returns focus when its `opened` turns false, never
 * when it unmounts, so without this a keyboard user is left at the top of the page after Escape or Cancel.
 *
 * The opener is the element that had focus when the dialog first rendered. Focus goes back to it only if it is
 * still on the page and focus was not put somewhere else on purpose meanwhile (e.g. the dialog's action opened
 * another page).
 */
export function useReturnFocus(): void {
  const [opener] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  useEffect(
    () => () => {
      if (!(opener instanceof HTMLElement) || opener === document.body) return;
      // after the dialog's own clean-up (its focus trap lets go once the portal is gone)
      window.setTimeout(() => {
        const now = document.activeElement;
        if (now && now !== document.body && now.isConnected) return;
        if (opener.isConnected) opener.focus({ preventScroll: true });
      }, 0);
    },
    [opener],
  );
}
