/**
 * Root query keys of each feature. Feature key factories build on these; a feature's mutation that affects
 * another feature's data invalidates that root (features never import each other's internals).
 */
export const rootKeys = {
  tasks: ['tasks'],
  create: ['create'],
  precheck: ['precheck'],
  comparison: ['comparison'],
  migration: ['migration'],
  sync: ['sync'],
  dr: ['dr'],
} as const;
