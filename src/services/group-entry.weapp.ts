import Taro from '@tarojs/taro'
import type { GroupPayload } from './member-api'

/** Scenes in which the app was opened from a group chat (message card or the group's tool bar). */
const GROUP_SCENES = new Set([1008, 1044, 1096])

/**
 * The staff group the app was opened from, as a CloudID: WeChat replaces it with
 * { cloudID, data: { openGId } } before the function sees it. Flaky on some groups, so a
 * failure just means "not from the group" and the other joining paths stay open.
 */
export async function groupPayload(): Promise<GroupPayload | undefined> {
  try {
    const { scene } = Taro.getEnterOptionsSync()
    if (!GROUP_SCENES.has(scene)) return undefined
    const info = (await Taro.getGroupEnterInfo({})) as unknown as { cloudID?: string }
    if (!info.cloudID) return undefined
    return (Taro.cloud as unknown as { CloudID(id: string): unknown }).CloudID(info.cloudID)
  } catch {
    return undefined
  }
}
