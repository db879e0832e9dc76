import { api } from '@/services/api'
import { usePagedList } from './usePagedList'

/** 慰问记录 for one year (committee and chair only; the function enforces it). */
export function useWelfareVisits(year: number | undefined) {
  return usePagedList(`welfare|${year ?? ''}`, (page) => api.welfareVisits({ year, page }))
}
