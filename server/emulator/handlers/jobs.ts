import type { HandlerMap } from '../types';

/** Task-centric operations (4.1.1–4.1.5, 4.1.8, 4.1.11–4.1.16, 4.1.19–4.1.23, 4.2, 4.3, 4.4.1). */
export const handlers: HandlerMap = {};
