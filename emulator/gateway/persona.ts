import type { IncomingMessage } from 'node:http'

/**
 * Who is calling from the local h5 build: the dev persona picked at sign-in, sent in a header.
 * Exists only in the local cloud; the weapp build never has it.
 */
export const PERSONA_HEADER = 'x-local-openid'
/** The caller of /gateway/call when no persona is picked (a visitor who has opened the app). */
export const ANONYMOUS_OPENID = 'o_dev_anonymous_visitor'
const OPENID = /^[A-Za-z0-9_-]{1,64}$/

/** The persona's openid, or null when the request names none (or an unusable one). */
export function personaOpenid(req: IncomingMessage): string | null {
  const header = req.headers[PERSONA_HEADER]
  return typeof header === 'string' && OPENID.test(header) ? header : null
}

/** The persona, or the anonymous visitor: every WeChat user opening the app has an openid. */
export function callerOpenid(req: IncomingMessage): string {
  return personaOpenid(req) ?? ANONYMOUS_OPENID
}
