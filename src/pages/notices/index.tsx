import { useState } from 'react'
import Taro from '@tarojs/taro'
import { noticeCategories, type NoticeCategory, type NoticeListItem } from '../../../types/notice'
import { hasRole } from '../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { SearchBar } from '@/components/common/SearchBar'
import { FilterChips } from '@/components/common/FilterChips'
import { ListBody } from '@/components/common/ListBody'
import { NoticeItem } from '@/components/notice/NoticeItem'
import { UnreadBanner } from '@/components/notice/UnreadBanner'
import { NavCell } from '@/components/common/NavCell'
import { JoinPrompt } from '@/components/me/JoinPrompt'
import { useMe } from '@/hooks/useMe'
import { useNotices } from '@/hooks/useNotices'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { rememberNotice } from '@/services/selection'

function emptyText(category: NoticeCategory | undefined, keyword: string) {
  if (keyword) return { title: `没有标题含“${keyword}”的公开`, hint: '换个关键词，或点搜索框里的 ✕ 看全部' }
  if (category) return { title: `“${category}”类还没有公开内容`, hint: '点“全部”看看其他类别' }
  return { title: '还没有发布公开内容', hint: '工会发布后会显示在这里，下拉可以刷新' }
}

export default function NoticesPage() {
  const me = useMe()
  const [category, setCategory] = useState<NoticeCategory | undefined>(undefined)
  const [keyword, setKeyword] = useState('')
  const notices = useNotices({ category, keyword })
  usePageRefresh([me.reload, notices.reload], notices.loadMore)

  const role = me.data?.role
  const isMember = role ? hasRole(role, 'member') : false
  // Opening a notice records the read in the function; mark it here too, so the dot goes away on return.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set())
  const open = (notice: NoticeListItem) => {
    rememberNotice(notice)
    setOpened((s) => new Set(s).add(notice.id))
    void Taro.navigateTo({ url: `/packages/notice/pages/detail/index?id=${encodeURIComponent(notice.id)}` })
  }

  const unread = isMember ? notices.items.filter((n) => !n.read && !opened.has(n.id)).length : 0

  return (
    <PageShell>
      {role && !isMember ? <JoinPrompt role={role} /> : null}
      {role && hasRole(role, 'committee') ? (
        <NavCell title='公告管理' hint={hasRole(role, 'chair') ? '草稿待发布、更正、撤回、台账' : '起草公告、查看草稿'} url='/packages/notice/pages/manage/index' />
      ) : null}
      <UnreadBanner count={unread} more={notices.hasMore} />
      <SearchBar placeholder='搜索公开标题（至少两个字）' onSearch={setKeyword} />
      <FilterChips options={noticeCategories} value={category} onChange={setCategory} />
      <ListBody
        list={notices}
        loadingText='正在加载公开内容…'
        empty={emptyText(category, keyword)}
        renderItem={(n) => <NoticeItem key={n.id} notice={opened.has(n.id) ? { ...n, read: true } : n} showUnread={isMember} onOpen={open} />}
      />
    </PageShell>
  )
}
