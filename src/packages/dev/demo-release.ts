/**
 * Local (h5) build only. Releases today's anonymous opinions now, as tomorrow's daily batch would:
 * the local cloud runs the opinion function's `demoRelease` as a timer (no WeChat user), which the
 * function itself refuses anywhere but on a local cloud.
 */
export async function releaseTodaysOpinions(): Promise<number> {
  const res = await fetch('/local/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'opinion', data: { Type: 'Timer', TriggerName: 'demoRelease' } }),
  })
  const body = (await res.json().catch(() => null)) as { ok?: boolean; result?: { ok?: boolean; data?: { released?: number }; message?: string }; errMsg?: string } | null
  if (!body?.ok || !body.result?.ok) throw new Error(body?.result?.message ?? body?.errMsg ?? `HTTP ${res.status}`)
  return body.result.data?.released ?? 0
}
