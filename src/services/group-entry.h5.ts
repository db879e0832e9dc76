import { getPersona } from '../dev/session'

/**
 * Local build: there is no WeChat group, so "opened from the staff group" is played by a
 * `group=<openGId>` parameter in the page address. The local cloud mints a cloudID for the signed-in
 * persona (POST /gateway/cloud-id, like getGroupEnterInfo would), which only that persona's calls can
 * resolve — the function learns the group the same way as in WeChat.
 */
export async function groupCloudId(): Promise<string | undefined> {
  const query = window.location.hash.split('?')[1] ?? window.location.search.slice(1)
  const openGId = new URLSearchParams(query).get('group')
  const persona = getPersona()
  if (!openGId || !persona) return undefined
  try {
    const res = await fetch('/gateway/cloud-id', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': persona.openid },
      body: JSON.stringify({ openGId }),
    })
    const body = (await res.json()) as { cloudID?: unknown }
    return typeof body.cloudID === 'string' ? body.cloudID : undefined
  } catch {
    return undefined
  }
}
