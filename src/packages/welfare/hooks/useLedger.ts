import { useRef, useState } from 'react'
import { welfareLedgerOutput, type WelfareListInput, type WelfareSummaryOutput } from '../../../../types/welfare'
import { call } from '@/services/call'
import { usePagedList } from '@/hooks/usePagedList'

/**
 * 慰问台账's visits and totals for the ledger's filters in ONE call when the page opens, reloads or
 * changes filters: the first page comes with the summary of the same filter (welfare.list withSummary);
 * later pages are the list alone. A summary answered for an older filter is dropped, as its page is.
 */
export function useLedger(filter: Omit<WelfareListInput, 'page' | 'withSummary'>) {
  const [summary, setSummary] = useState<WelfareSummaryOutput | undefined>(undefined)
  const latest = useRef(0)
  const key = `welfare-ledger|${JSON.stringify(filter)}`
  const visits = usePagedList(key, async (page) => {
    if (page > 1) return call('welfare', 'list', { ...filter, page }, welfareLedgerOutput)
    const mine = ++latest.current
    const answer = await call('welfare', 'list', { ...filter, page, withSummary: true }, welfareLedgerOutput)
    if (mine === latest.current) setSummary(answer.summary)
    return answer
  })
  return { visits, summary }
}
