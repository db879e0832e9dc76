/** Nothing to switch in WeChat: the identity is the WeChat account. */
export function DevSwitchEntry() {
  return null
}
