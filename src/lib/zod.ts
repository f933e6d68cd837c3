import { z } from 'zod';

// The production server's Content-Security-Policy has no 'unsafe-eval': zod's JIT would probe `new Function`,
// which the browser reports as a CSP violation (a console error). Import z from here, not from 'zod'.
z.config({ jitless: true });

export { z };
