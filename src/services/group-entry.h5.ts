import type { GroupPayload } from './member-api'

/**
 * Local build: there is no WeChat group, so "opened from the staff group" is played by a
 * `group=<openGId>` parameter in the page address, shaped as WeChat hands it to the function.
 */
export async function groupPayload(): Promise<GroupPayload | undefined> {
  const query = window.location.hash.split('?')[1] ?? window.location.search.slice(1)
  const openGId = new URLSearchParams(query).get('group')
  return openGId ? { cloudID: 'local-dev', data: { openGId } } : undefined
}
