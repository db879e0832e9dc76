import type { NoticeCategory } from '../../types/notice'
import { api } from '@/services/api'
import { usePagedList } from './usePagedList'

export interface NoticeFilter {
  category?: NoticeCategory
  /** '' = no search */
  keyword: string
}

/** Notice board, 20 a page; pinned-first order comes from the function. */
export function useNotices({ category, keyword }: NoticeFilter) {
  const key = `${category ?? ''}|${keyword}`
  return usePagedList(key, (page) => api.notices({ category, keyword: keyword || undefined, page }))
}
