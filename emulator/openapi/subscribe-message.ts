import type { WxResult } from './sec-check'

/** A template id that makes WeChat answer as if the user had not subscribed (43101). */
export const USER_REFUSED_TEMPLATE = '__user_refused__'

/** WeChat's per-type limits on subscribe message values (characters), by key without its number. */
const MAX_CHARS: Record<string, number> = {
  thing: 20, name: 20, phrase: 5, number: 32, letter: 32, symbol: 5, character_string: 32, phone_number: 17, car_number: 8, amount: 11,
}
const STATES = ['developer', 'trial', 'formal']

export interface ValidSend {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  miniprogramState?: string
  lang?: string
}

/** Checks a subscribeMessage.send request as WeChat does; returns the error answer or the message. */
export function validateSend(params: Record<string, unknown>): { error: WxResult } | { message: ValidSend } {
  const bad = (errcode: number, errmsg: string) => ({ error: { errcode, errmsg } })
  const { touser, template_id: templateId, page, data, miniprogram_state: state, lang } = params as Record<string, any>
  if (typeof touser !== 'string' || !touser) return bad(40003, 'invalid openid')
  if (typeof templateId !== 'string' || !templateId) return bad(40037, 'invalid template_id')
  if (templateId === USER_REFUSED_TEMPLATE) return bad(43101, 'user refuse to accept the msg')
  if (state !== undefined && !STATES.includes(state)) return bad(47003, 'argument invalid! miniprogram_state invalid')
  if (!data || typeof data !== 'object') return bad(47003, 'argument invalid! data is empty')
  for (const [key, entry] of Object.entries(data as Record<string, any>)) {
    const value = entry?.value
    if (typeof value !== 'string' || !value) return bad(47003, `argument invalid! data.${key}.value is empty`)
    const max = MAX_CHARS[key.replace(/\d+$/, '')]
    if (max && [...value].length > max) return bad(47003, `argument invalid! data.${key}.value exceeds ${max} characters`)
  }
  return { message: { touser, templateId, page, data, miniprogramState: state, lang } }
}
