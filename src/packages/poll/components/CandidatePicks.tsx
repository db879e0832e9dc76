import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { PollItem } from '../../../../types/poll'

/** 评选: the candidates in the order the server shuffled for this voter; at most `seats` picks. */
export function CandidatePicks({ items, seats, picks, onChange }: { items: PollItem[]; seats: number; picks: string[]; onChange: (p: string[]) => void }) {
  const toggle = (id: string) => {
    if (picks.includes(id)) return onChange(picks.filter((x) => x !== id))
    if (picks.length >= seats) {
      void Taro.showToast({ title: `最多选 ${seats} 人`, icon: 'none' })
      return
    }
    onChange([...picks, id])
  }
  return (
    <View className='poll-card'>
      <Text className='poll-line poll-strong' data-testid='pick-count'>{`最多选 ${seats} 人，已选 ${picks.length} 人（可以少选，也可以一个都不选）`}</Text>
      {items.map((it) => (
        <View key={it.id} className={`poll-pick${picks.includes(it.id) ? ' poll-pick--on' : ''}`} data-candidate={it.name} onClick={() => toggle(it.id)}>
          <Text className='poll-pick__box'>{picks.includes(it.id) ? '✓' : ''}</Text>
          <View>
            <Text className='poll-item__name'>{it.name}</Text>
            {it.note ? <Text className='poll-line'>{it.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
