import type { WelfareSummaryInput } from '../../types/welfare'
import { welfareApi } from '@/components/welfare/api'
import { useAsync } from './useAsync'

/** Totals and chart data for the ledger's filters. */
export function useWelfareSummary(filter: WelfareSummaryInput) {
  return useAsync(`welfare-summary|${JSON.stringify(filter)}`, () => welfareApi.summary(filter))
}
