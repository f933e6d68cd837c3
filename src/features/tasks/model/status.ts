import type { components } from '../../../generated/drs-api';

/** Every task status the service reports: appendix A.4, plus DELETED / CHILD_TRANSFER_STARTING (SDKs) and the node ones. */
export type JobStatus = components['schemas']['JobStatus'];

export type StatusGroup = 'running' | 'attention' | 'configuring' | 'paused' | 'finished';

/** Status → group. Typed as a full Record so a status added to the API document fails the type check here. */
export const STATUS_GROUP: Record<JobStatus, StatusGroup> = {
  CREATING: 'configuring',
  CREATE_FAILED: 'attention',
  CONFIGURATION: 'configuring',
  STARTJOBING: 'running',
  WAITING_FOR_START: 'running',
  START_JOB_FAILED: 'attention',
  PAUSING: 'paused',
  FULL_TRANSFER_STARTED: 'running',
  FULL_TRANSFER_FAILED: 'attention',
  FULL_TRANSFER_COMPLETE: 'running',
  INCRE_TRANSFER_STARTED: 'running',
  INCRE_TRANSFER_FAILED: 'attention',
  RELEASE_RESOURCE_STARTED: 'running',
  RELEASE_RESOURCE_FAILED: 'attention',
  RELEASE_RESOURCE_COMPLETE: 'finished',
  REBUILD_NODE_STARTED: 'running',
  REBUILD_NODE_FAILED: 'attention',
  CHANGE_JOB_STARTED: 'configuring',
  CHANGE_JOB_FAILED: 'attention',
  DELETED: 'finished',
  CHILD_TRANSFER_STARTING: 'running',
  CHILD_TRANSFER_STARTED: 'running',
  CHILD_TRANSFER_COMPLETE: 'running',
  CHILD_TRANSFER_FAILED: 'attention',
  RELEASE_CHILD_TRANSFER_STARTED: 'running',
  RELEASE_CHILD_TRANSFER_COMPLETE: 'finished',
  NODE_UPGRADE_START: 'running',
  NODE_UPGRADE_COMPLETE: 'running',
  NODE_UPGRADE_FAILED: 'attention',
};

export const JOB_STATUSES = Object.keys(STATUS_GROUP) as JobStatus[];
export const STATUS_GROUPS: StatusGroup[] = ['running', 'attention', 'configuring', 'paused', 'finished'];

/** Mantine colour per group (chosen for WCAG AA contrast of the light badge variant in both schemes). */
export const GROUP_COLOR: Record<StatusGroup, string> = {
  running: 'blue',
  attention: 'red',
  configuring: 'gray',
  paused: 'grape',
  finished: 'green',
};

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && Object.hasOwn(STATUS_GROUP, value);
}

export function statusGroup(status: string | undefined): StatusGroup | undefined {
  return isJobStatus(status) ? STATUS_GROUP[status] : undefined;
}

/**
 * Statuses that do not move on by themselves: polling stops there. Failed states wait for a retry (whose mutation
 * invalidates the queries); finished ones never change again.
 */
export function isFinalStatus(status: string | undefined): boolean {
  const group = statusGroup(status);
  return group === 'finished' || group === 'attention';
}

/** i18n key of a status's human text (`status.<STATUS>`) and of a group (`statusGroup.<group>`). */
export const statusKey = (status: JobStatus) => `status.${status}` as const;
export const groupKey = (group: StatusGroup) => `statusGroup.${group}` as const;
