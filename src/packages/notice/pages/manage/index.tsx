import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { NoticeManageItem } from '../../../../../types/notice'
import { hasRole } from '../../../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { Tag } from '@/components/common/Tag'
import { ListBody } from '@/components/common/ListBody'
import { noticeApi } from '@/components/notice/api'
import { useMe } from '@/hooks/useMe'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useReloadOnReturn } from '@/hooks/useNoticeReturn'
import { formatDateTime } from '@/utils/time'
import { EditorChoice } from '../../components/EditorField'
import { LedgerExport } from '../../components/LedgerExport'
import '../../components/notice-detail.scss'
import '../../components/editor.scss'

type State = 'draft' | 'published' | 'withdrawn'
const LABELS: Record<State, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' }

/** 公告管理 (committee and chair): drafts waiting for the chair, what is published, what was withdrawn; the chair's ledger export. */
export default function NoticeManagePage() {
  const me = useMe()
  const { params } = useRouter()
  const [state, setState] = useState<State>(params.state && params.state in LABELS ? (params.state as State) : 'draft')
  const list = usePagedList(state, (page) => noticeApi.manageList(state, page))
  usePageRefresh([list.reload], list.loadMore)
  useReloadOnReturn(list.reload)
  const isChair = me.data ? hasRole(me.data.role, 'chair') : false
  const open = (n: NoticeManageItem) => void Taro.navigateTo({ url: `/packages/notice/pages/detail/index?id=${encodeURIComponent(n.id)}` })

  return (
    <PageShell>
      <View className='notice-actions'>
        <AppButton block onClick={() => void Taro.navigateTo({ url: '/packages/notice/pages/edit/index' })}>起草新公告</AppButton>
      </View>
      {isChair ? <LedgerExport /> : null}
      <View className='notice-card'>
        <EditorChoice name='state' options={['draft', 'published', 'withdrawn'] as const} labels={LABELS} value={state} onChange={setState} />
        <ListBody
          list={list}
          loadingText='正在加载…'
          empty={{ title: `没有${LABELS[state]}的公告`, hint: state === 'draft' ? '点“起草新公告”开始写' : undefined }}
          renderItem={(n) => (
            <View key={n.id} className='versions__item' onClick={() => open(n)} data-manage={n.id}>
              <View>
                <Text>{n.title}</Text>
                <Text className='versions__reason'>{`${n.category} · ${n.authorName || '—'} · ${formatDateTime(n.updatedAt)}${n.version > 1 ? ` · 第 ${n.version} 版` : ''}`}</Text>
              </View>
              <Tag tone={n.visibility === 'public' ? 'info' : 'neutral'}>{n.visibility === 'public' ? '对外' : '对内'}</Tag>
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}
