import { useCallback, useEffect, useState } from 'react'
import type { InboxFilter, OpinionState } from '../../types/opinion'
import { opinionApi } from '@/components/opinion/api'
import { rememberedReceipts, type RememberedReceipt } from '@/components/opinion/receipts'
import { usePagedList } from './usePagedList'
import { useAsync } from './useAsync'
import { CallError, messageOf } from '@/services/call'

/** Q&A the chair chose to publish from opinions: readable by every member. */
export function usePublicQa() {
  return usePagedList('qa', opinionApi.publicQa)
}

/** The caller's named opinions; anonymous ones are reachable only by receipt code. */
export function useMyOpinions() {
  return usePagedList('mine', opinionApi.mine)
}

/** Handler's list for one filter (committee: assigned to me; chair: everything released). */
export function useOpinionInbox(filter: InboxFilter) {
  return usePagedList(`inbox-${filter}`, (page) => opinionApi.inbox(filter, page))
}

export function useOpinionCase(id: string | undefined) {
  return useAsync(`case-${id ?? ''}`, () => (id ? opinionApi.case(id) : Promise.reject(new Error('no id'))))
}

export function usePublicOpinionStats() {
  return useAsync('opinion-public-stats', opinionApi.publicStats)
}

export interface ReceiptStatus extends RememberedReceipt {
  found: boolean
  state?: OpinionState
  replyCount: number
  /** more replies than the submitter has read on this device */
  hasNew: boolean
}

/**
 * The receipt codes remembered on this device, with the server's current state and reply count —
 * one call per code (the function takes one code per call, so its daily limit cannot be
 * multiplied), one after another. A right code costs nothing against that limit. Nothing on the
 * server links these codes to the caller afterwards.
 */
export function useRememberedReceipts() {
  const [receipts, setReceipts] = useState<RememberedReceipt[]>(() => rememberedReceipts())
  const [statuses, setStatuses] = useState<ReceiptStatus[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const refresh = useCallback(async () => {
    const list = rememberedReceipts()
    setReceipts(list)
    setError(null)
    const out: ReceiptStatus[] = []
    for (const r of list) {
      try {
        const { state, replyCount } = await opinionApi.checkCode(r.code)
        out.push({ ...r, found: true, state, replyCount, hasNew: replyCount > r.seenReplies })
      } catch (err) {
        if (!(err instanceof CallError) || err.code !== 'NOT_FOUND') {
          setError(messageOf(err))
          break
        }
        out.push({ ...r, found: false, replyCount: 0, hasNew: false })
      }
    }
    // After a refusal (e.g. today's look-ups used up) the rest stay listed, without a state.
    setStatuses([...out, ...list.slice(out.length).map((r) => ({ ...r, found: false, replyCount: 0, hasNew: false }))])
  }, [])
  useEffect(() => { void refresh() }, [refresh])
  const newCount = (statuses ?? []).filter((s) => s.hasNew).length
  return { receipts, statuses, error, newCount, refresh }
}
