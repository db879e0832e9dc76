import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { Tag } from '@/components/common/Tag'
import { MyOpinionItem } from '@/components/opinion/MyOpinionItem'
import { stateTag } from '@/components/opinion/labels'
import { forgetReceipt, handOffCode } from '@/components/opinion/receipts'
import { useMyOpinions, useRememberedReceipts, type ReceiptStatus } from '@/hooks/useOpinions'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { formatDay } from '@/utils/time'
import '@/components/opinion/opinion.scss'

function Remembered({ r, onForget }: { r: ReceiptStatus; onForget: () => void }) {
  const open = () => {
    handOffCode(r.code)
    void Taro.navigateTo({ url: '/packages/opinion/pages/track/index' })
  }
  return (
    <View className='opinion-card' data-remembered={r.code}>
      <View className='opinion-card__tags' onClick={open}>
        {r.state ? <Tag tone={stateTag[r.state].tone}>{stateTag[r.state].label}</Tag> : <Tag>未找到</Tag>}
        <Tag>{r.category}</Tag>
        <Tag tone='info'>匿名</Tag>
        {r.hasNew ? <Text className='badge' data-badge>新答复</Text> : null}
        <Text className='opinion-card__date'>{`${formatDay(r.submittedOn)} 提交`}</Text>
      </View>
      <View className='remembered__row'>
        <Text className='remembered__open' onClick={open}>{`查看进度（${r.replyCount} 条答复）›`}</Text>
        <Text className='remembered__forget' onClick={onForget}>不再记住</Text>
      </View>
    </View>
  )
}

/** 我的意见: named opinions from the server, and the anonymous receipts this device remembers. */
export default function MyOpinionsPage() {
  const named = useMyOpinions()
  const remembered = useRememberedReceipts()
  usePageRefresh([named.reload, remembered.refresh], named.loadMore)
  return (
    <PageShell>
      <Text className='op-heading'>本机记住的匿名意见</Text>
      {remembered.error ? <Text className='form-error'>{remembered.error}</Text> : null}
      {remembered.receipts.length === 0 ? (
        <Text className='op-note'>没有记住的回执码。提交匿名意见时可以选择“在本机记住”，也可以在意见箱凭回执码查看。</Text>
      ) : (remembered.statuses ?? []).map((r) => (
        <Remembered key={r.code} r={r} onForget={() => { forgetReceipt(r.code); void remembered.refresh() }} />
      ))}
      <Text className='op-heading'>署名意见</Text>
      <ListBody
        list={named}
        loadingText='正在加载我的意见…'
        empty={{ title: '你还没有署名提过意见', hint: '匿名意见不会出现在这里：请用提交时拿到的回执码查看进度' }}
        renderItem={(o) => (
          <View key={o.id} onClick={() => void Taro.navigateTo({ url: `/packages/opinion/pages/track/index?id=${o.id}` })}>
            <MyOpinionItem opinion={o} />
          </View>
        )}
      />
    </PageShell>
  )
}
