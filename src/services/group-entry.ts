/**
 * Default for type-checking and unit tests only: builds resolve ./group-entry to
 * group-entry.weapp.ts (getGroupEnterInfo → cloudID) or group-entry.h5.ts (local demo).
 * The answer is a cloudID string; the member function asks WeChat (cloud.getOpenData) which
 * group it stands for — nothing the app could make up itself.
 */
export async function groupCloudId(): Promise<string | undefined> {
  return undefined
}
