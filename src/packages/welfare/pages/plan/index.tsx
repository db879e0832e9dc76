import { useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { WelfareItem } from '@/components/welfare/WelfareItem'
import { welfareApi } from '@/components/welfare/api'
import { useWelfareVisits } from '@/hooks/useWelfareVisits'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import '../../components/form.scss'

/** One plan's entries (unvisited first): tap 登记 to tick one off with date, visitors, amount and photos. */
export default function WelfarePlanPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const entries = useWelfareVisits({ planId: id })
  usePageRefresh([entries.reload], entries.loadMore)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void entries.reload()
    shown.current = true
  })
  const remaining = entries.items.filter((v) => v.state === 'planned').length
  const close = async () => {
    const ok = await Taro.showModal({ title: '结束这个计划？', content: '未走访的名单会保留，但不再出现在待办里。' })
    if (!ok.confirm) return
    try {
      await welfareApi.planClose(id)
      void Taro.showToast({ title: '计划已结束', icon: 'none' })
    } catch (err) {
      void Taro.showModal({ title: '没有结束', content: messageOf(err), showCancel: false })
    }
  }
  return (
    <PageShell>
      <Text className='section-title'>{`共 ${entries.total} 户，本页未走访 ${remaining} 户`}</Text>
      <ListBody
        list={entries}
        loadingText='正在加载名单…'
        empty={{ title: '这个计划没有名单' }}
        renderItem={(v) => (
          <View key={v.id}>
            <WelfareItem visit={v} onOpen={(vid) => void Taro.navigateTo({ url: `/packages/welfare/pages/detail/index?id=${vid}` })} />
            {v.state === 'planned' ? (
              <View className='toolbar' style={{ marginTop: '-8px' }}>
                <Text className='toolbar__item' data-complete={v.recipientName} onClick={() => void Taro.navigateTo({ url: `/packages/welfare/pages/record/index?id=${v.id}&mode=complete` })}>{`登记 ${v.recipientName}`}</Text>
              </View>
            ) : null}
          </View>
        )}
      />
      <View className='actions'>
        <AppButton block variant='secondary' onClick={() => void close()}>结束计划</AppButton>
      </View>
    </PageShell>
  )
}
