import { View, Text } from '@tarojs/components'
import type { WelfareVisitItem } from '../../../types/welfare'
import { formatFen } from '../../../types/money'
import { Tag } from '../common/Tag'
import { formatDay, todayShanghai } from '@/utils/time'
import './welfare.scss'

/** 11月6日 this year; 2025年9月29日 otherwise (a person's history spans years). */
function dayText(date: string): string {
  return date.slice(0, 4) === todayShanghai().slice(0, 4) ? formatDay(date) : `${date.slice(0, 4)}年${formatDay(date)}`
}

/** One visit in the 送温暖 ledger: who, why, when, what was given and from which fund. */
export function WelfareItem({ visit: v, onOpen }: { visit: WelfareVisitItem; onOpen?: (id: string) => void }) {
  const gifts = v.gifts.map((g) => `${g.name}（${formatFen(g.valueFen)} 元）`).join('、')
  return (
    <View className='welfare-item' data-visit={v.id} onClick={onOpen ? () => onOpen(v.id) : undefined}>
      <View className='welfare-item__head'>
        <Text className='welfare-item__name'>{v.recipientName}</Text>
        {v.department ? <Text className='welfare-item__dept'>{v.department}</Text> : null}
        {v.recipientKind === 'other' ? <Text className='welfare-item__dept'>非会员</Text> : null}
        <Text className='welfare-item__date'>{dayText(v.visitDate)}</Text>
      </View>
      <View className='welfare-item__tags'>
        <Tag tone='primary'>{v.reason}</Tag>
        {v.state === 'planned' ? <Tag tone='info'>计划中</Tag> : v.state === 'cancelled' ? <Tag tone='neutral'>已取消</Tag> : <Tag tone='success'>已慰问</Tag>}
        {v.revision > 1 ? <Tag tone='warning'>{`已更正 ${v.revision - 1} 次`}</Tag> : null}
        <Tag>{v.fund}</Tag>
      </View>
      {v.cashFen > 0 || !gifts ? <Text className='welfare-item__line'>{`慰问金：${formatFen(v.cashFen)} 元`}</Text> : null}
      {gifts ? <Text className='welfare-item__line'>{`慰问品：${gifts}`}</Text> : null}
      {v.visitors.length ? <Text className='welfare-item__line'>{`看望人：${v.visitors.join('、')}`}</Text> : null}
      {v.notes ? <Text className='welfare-item__line welfare-item__notes'>{v.notes}</Text> : null}
    </View>
  )
}
