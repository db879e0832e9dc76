import type { GroupPayload } from './member-api'

/**
 * Default for type-checking and unit tests only: builds resolve ./group-entry to
 * group-entry.weapp.ts (getGroupEnterInfo → CloudID) or group-entry.h5.ts (local demo).
 */
export async function groupPayload(): Promise<GroupPayload | undefined> {
  return undefined
}
