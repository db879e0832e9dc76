import Taro from '@tarojs/taro'
import type { OpinionCategory } from '../../../types/opinion'

/**
 * Receipt codes the submitter chose to remember on THIS device (opt-in; never sent anywhere
 * except to look the items up). `seenReplies` is how many replies they have already read, so a
 * larger count from the server means "new reply".
 */
export interface RememberedReceipt {
  code: string
  category: OpinionCategory
  submittedOn: string
  seenReplies: number
}

const KEY = 'opinion.receipts'
const MAX = 20

export function rememberedReceipts(): RememberedReceipt[] {
  try {
    const raw = Taro.getStorageSync(KEY)
    return Array.isArray(raw) ? (raw as RememberedReceipt[]) : []
  } catch {
    return []
  }
}

function save(list: RememberedReceipt[]): void {
  Taro.setStorageSync(KEY, list.slice(0, MAX))
}

export function rememberReceipt(r: Omit<RememberedReceipt, 'seenReplies'>): void {
  save([{ ...r, seenReplies: 0 }, ...rememberedReceipts().filter((x) => x.code !== r.code)])
}

export function forgetReceipt(code: string): void {
  save(rememberedReceipts().filter((x) => x.code !== code))
}

export function markRepliesSeen(code: string, count: number): void {
  const list = rememberedReceipts()
  if (!list.some((x) => x.code === code)) return
  save(list.map((x) => (x.code === code ? { ...x, seenReplies: Math.max(x.seenReplies, count) } : x)))
}

/**
 * A code handed from a list to the tracking page in memory, so it never appears in a page URL
 * (URLs end up in page history and logs).
 */
let handoff: string | undefined
export function handOffCode(code: string): void {
  handoff = code
}
export function takeHandedOffCode(): string | undefined {
  const code = handoff
  handoff = undefined
  return code
}
