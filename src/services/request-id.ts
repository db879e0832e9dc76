/**
 * A fresh id for one create (types/common.ts `requestId`). Not a secret and not an identity:
 * its only job is to be different for each form and the same for retries of that form.
 * Math.random is enough for that and exists on every WeChat JS engine (crypto does not).
 */
export function newRequestId(): string {
  let id = Date.now().toString(36)
  while (id.length < 24) id += Math.random().toString(36).slice(2)
  return id.slice(0, 24)
}
