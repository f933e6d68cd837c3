// Vitest setup for component tests (jsdom).
export {};
