import type { MemberHomeOutput } from '../../../types/member'
import { useAsync } from '@/hooks/useAsync'
import { shareMe } from '@/hooks/useMe'
import { meApi } from './api'
import { showDeskBadge } from './desk-badge'

/**
 * 我的 in one call (member.home): who I am — shared with every other tab, which then asks nothing
 * (useMe) — and, for committee and chair, the 工作台 lines and the 慰问待办. The tab bar shows the
 * desk's total.
 */
export function useHome() {
  return useAsync<MemberHomeOutput>('home', async () => {
    const answer = meApi.home()
    shareMe(answer.then(({ desk: _desk, welfareTodo: _todo, ...me }) => me))
    const home = await answer
    if (home.desk) showDeskBadge(home.desk)
    return home
  })
}
