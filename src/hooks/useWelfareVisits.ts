import type { WelfareListInput } from '../../types/welfare'
import { welfareApi } from '@/components/welfare/api'
import { usePagedList } from './usePagedList'

/** 慰问记录 with the ledger's filters (committee and chair only; the function enforces it). */
export function useWelfareVisits(filter: Omit<WelfareListInput, 'page'>) {
  const key = `welfare|${JSON.stringify(filter)}`
  return usePagedList(key, (page) => welfareApi.list({ ...filter, page }))
}
