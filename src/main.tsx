import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// STUB — replaced by the app shell work.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>DRS Console</h1>
  </StrictMode>,
);
