import type { operations } from '../../generated/drs-api';

/** Types of one operation of the API document, by operationId. */
export type OperationId = keyof operations;

export type OpBody<K extends OperationId> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type OpData<K extends OperationId> = operations[K] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

export type OpQuery<K extends OperationId> = operations[K] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type OpPath<K extends OperationId> = operations[K] extends { parameters: { path?: infer Q } }
  ? Omit<NonNullable<Q>, 'project_id'>
  : never;
