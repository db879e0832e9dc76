import Taro from '@tarojs/taro'

/** Scenes in which the app was opened from a group chat (message card or the group's tool bar). */
const GROUP_SCENES = new Set([1008, 1044, 1096])

/**
 * The staff group the app was opened from, as the cloudID getGroupEnterInfo gives. Sent as a plain
 * string (not wx.cloud.CloudID, which WeChat would expand into data a client could also forge): the
 * function resolves it itself with cloud.getOpenData. Flaky on some groups, so a failure just means
 * "not from the group" and the other joining paths stay open.
 */
export async function groupCloudId(): Promise<string | undefined> {
  try {
    const { scene } = Taro.getEnterOptionsSync()
    if (!GROUP_SCENES.has(scene)) return undefined
    const info = (await Taro.getGroupEnterInfo({})) as unknown as { cloudID?: string }
    return info.cloudID || undefined
  } catch {
    return undefined
  }
}
