import crypto from 'node:crypto'
import { matchWords, type Suggest } from './word-list'

/** A WeChat openapi answer: errcode/errmsg plus the API's fields (snake_case, as on the wire). */
export type WxResult = Record<string, unknown> & { errcode: number; errmsg: string }

/** Putting this in the content makes the check unreachable, so callers can test "held when the check cannot be reached". */
export const SECCHECK_DOWN_MARKER = '__seccheck_down__'

const RANK: Record<Suggest, number> = { pass: 0, review: 1, risky: 2 }
const NORMAL_LABEL = 100

function traceId(): string {
  const hex = () => crypto.randomBytes(4).toString('hex')
  return `${hex()}-${hex()}-${hex()}`
}

/**
 * security.msgSecCheck. Version 2 answers errcode 0 even for violations: the verdict is
 * result.suggest (pass / review / risky) with result.label, and detail lists each strategy's
 * verdict. Version 1 (no `version`) answers errcode 87014 for content it would not let through.
 */
export function msgSecCheck(params: Record<string, unknown>): WxResult {
  const content = params.content
  if (typeof content !== 'string' || !content) return { errcode: 47001, errmsg: 'data format error: content is required' }
  const hits = matchWords(content)
  const worst = hits.reduce<Suggest>((acc, h) => (RANK[h.suggest] > RANK[acc] ? h.suggest : acc), 'pass')
  if (Number(params.version) !== 2) {
    return worst === 'pass' ? { errcode: 0, errmsg: 'ok' } : { errcode: 87014, errmsg: 'risky content' }
  }
  if (typeof params.openid !== 'string' || !params.openid) return { errcode: 40003, errmsg: 'invalid openid' }
  if (![1, 2, 3, 4].includes(Number(params.scene))) return { errcode: 40097, errmsg: 'invalid args: scene must be 1, 2, 3 or 4' }
  const label = hits.find((h) => h.suggest === worst)?.label ?? NORMAL_LABEL
  const detail: Array<Record<string, unknown>> = [
    { strategy: 'content_model', errcode: 0, suggest: worst, label, prob: worst === 'pass' ? 0 : 90 },
    ...hits.map((h) => ({ strategy: 'keyword', errcode: 0, suggest: h.suggest, label: h.label, level: h.suggest === 'risky' ? 90 : 20, keyword: h.word })),
  ]
  return { errcode: 0, errmsg: 'ok', result: { suggest: worst, label }, detail, trace_id: traceId() }
}
