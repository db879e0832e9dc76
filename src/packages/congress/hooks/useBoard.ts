import { useRef, useState } from 'react'
import type { ProposalItem, ProposalState, SessionView } from '../../../../types/congress'
import { usePagedList, type PagedList } from '@/hooks/usePagedList'
import { congressApi } from '../api'

export interface BoardFilter { state?: ProposalState; mine?: boolean }

export interface Board {
  /** undefined until the first answer; null: there is no session yet */
  session: SessionView | null | undefined
  list: PagedList<ProposalItem>
}

/**
 * 教代会提案's data. The page opens with ONE call (`board`: the session — the latest when `sessionParam`
 * is absent — and the first page under `filter`); a new filter or a reload asks `board` again, later pages
 * come from `list`. An answer that arrives after a newer request started is dropped.
 */
export function useBoard(sessionParam: string | undefined, filter: BoardFilter): Board {
  const [session, setSession] = useState<SessionView | null | undefined>(undefined)
  const sessionId = useRef(sessionParam ?? '')
  const seq = useRef(0)
  const list = usePagedList(`congress:board:${sessionParam ?? ''}:${filter.state ?? ''}:${filter.mine ? 'mine' : ''}`, async (page) => {
    if (page > 1) return congressApi.list(sessionId.current, page, filter)
    const mine = ++seq.current
    const answer = await congressApi.board(sessionParam, filter)
    if (mine === seq.current) {
      sessionId.current = answer.session?.id ?? ''
      setSession(answer.session)
    }
    return answer.list
  })
  return { session, list }
}
