import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ChangeRequestItem, QueueItem } from '../../../../../types/member'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { TextInput } from '@/components/form/TextInput'
import { RoleGate } from '@/components/member/RoleGate'
import { usePagedList } from '@/hooks/usePagedList'
import { useMe } from '@/hooks/useMe'
import { useFillSlot, useRefreshSlot, type RefreshSlot } from '@/components/member/refresh-slot'
import { ChangeRequestList } from '@/components/member/ChangeRequestList'
import { memberPageApi } from '@/components/member/api'
import { sharedFirstPage } from '@/components/member/shared-first-page'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'
import '@/components/member/member.scss'

function QueueRow({ item, onDone }: { item: QueueItem; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      onDone()
    } catch (err) {
      void Taro.showModal({ title: '没有成功', content: messageOf(err), showCancel: false })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View data-applicant={item.name}>
      <View className='member-row'>
        <View className='member-row__main'>
          <Text className='member-row__name'>{item.name}</Text>
          <Text className='member-row__meta'>{`${item.department} · ${item.status}${item.staffNo ? ` · 工号 ${item.staffNo}` : ''} · ${formatDate(item.appliedAt)} 申请`}</Text>
          {item.hint ? <Text className='member-row__hint'>{item.hint}</Text> : null}
        </View>
        <View className='member-row__actions'>
          <AppButton disabled={busy} onClick={() => void act(() => memberApi.approve(item.id), '已通过')}>通过</AppButton>
          <AppButton variant='secondary' disabled={busy} onClick={() => setRejecting(!rejecting)}>不通过</AppButton>
        </View>
      </View>
      {rejecting ? (
        <View className='reason-box'>
          <TextInput name='rejectReason' value={reason} onChange={setReason} placeholder='不通过的原因（申请人能看到）' maxlength={100} />
          <AppButton block disabled={busy || reason.trim().length < 2} onClick={() => void act(() => memberApi.reject(item.id, reason.trim()), '已告知申请人')}>确认不通过</AppButton>
        </View>
      ) : null}
    </View>
  )
}

/** The chair's two lists open with one call (member.queue withChanges); a committee member's with the queue alone. */
function useQueueLoaders(isChair: boolean) {
  return useMemo(() => (isChair
    ? sharedFirstPage({
      both: () => memberPageApi.queueBoard(1, true),
      first: { of: (b) => b, more: memberApi.queue },
      second: { of: (b) => b.changes ?? { items: [], page: 1, total: 0 }, more: memberApi.changeRequests },
    })
    : { first: memberApi.queue, second: (page: number) => Promise.resolve({ items: [] as ChangeRequestItem[], page, total: 0 }) }), [isChair])
}

function Queue({ refresh, changesFirst, isChair }: { refresh: RefreshSlot; changesFirst: boolean; isChair: boolean }) {
  const loaders = useQueueLoaders(isChair)
  const list = usePagedList(isChair ? 'queue-chair' : 'queue', loaders.first)
  const changes = usePagedList(isChair ? 'changes' : 'no-changes', loaders.second)
  useFillSlot(refresh, isChair ? [list.reload, changes.reload] : [list.reload], list.loadMore)
  const applications = (
    <View key='applications'>
      <Text className='member-section'>入会申请</Text>
      <ListBody
        list={list}
        loadingText='正在读取入会申请…'
        empty={{ title: '没有待审核的申请', hint: '从教职工群、邀请码或名册加入的会员会自动通过，不需要审核。' }}
        renderItem={(item) => <QueueRow key={item.id} item={item} onDone={() => void list.reload()} />}
      />
    </View>
  )
  const requests = isChair ? (
    <View key='changes' data-section='changes'>
      <Text className='member-section'>资料变更申请</Text>
      <ChangeRequestList list={changes} />
    </View>
  ) : null
  return <View>{changesFirst ? [requests, applications] : [applications, requests]}</View>
}

/**
 * 入会审核: applications no joining path recognised, oldest first (reject needs a reason the
 * applicant sees) and, for the chair, 资料变更申请. Nothing is asked of the cloud before the role gate.
 */
export default function MemberQueuePage() {
  const { params } = useRouter()
  const me = useMe()
  const refresh = useRefreshSlot(me.reload)
  return (
    <PageShell>
      <RoleGate need='committee'>
        {(role) => <Queue refresh={refresh} changesFirst={params.tab === 'changes'} isChair={role === 'chair'} />}
      </RoleGate>
    </PageShell>
  )
}
