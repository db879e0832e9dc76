import { View, Text, Input } from '@tarojs/components'
import { itemLabels, POLL_ITEMS_MAX, type PollKind } from '../../../../types/poll'

export interface ItemRow {
  name: string
  note: string
}

/** The subjects / candidates / motions of a draft: one row each, added and removed in place. */
export function ItemsEditor({ kind, rows, onChange }: { kind: PollKind; rows: ItemRow[]; onChange: (rows: ItemRow[]) => void }) {
  const label = itemLabels[kind]
  const set = (i: number, patch: Partial<ItemRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)))
  return (
    <View data-testid='items'>
      {rows.map((r, i) => (
        <View key={i} className='poll-criterion' data-item-row={i}>
          <Text className='poll-criterion__label'>{i + 1}</Text>
          <Input className='text-input poll-item-input' value={r.name} placeholder={label.name} maxlength={60} onInput={(e) => set(i, { name: e.detail.value })} />
          <Input className='text-input poll-item-input poll-item-input--note' value={r.note} placeholder={label.note} maxlength={300} onInput={(e) => set(i, { note: e.detail.value })} />
          <Text className='poll-remove' onClick={() => onChange(rows.filter((_r, k) => k !== i))}>删除</Text>
        </View>
      ))}
      {rows.length < POLL_ITEMS_MAX ? <Text className='poll-link' data-testid='add-item' onClick={() => onChange([...rows, { name: '', note: '' }])}>{`＋ 添加${label.item}`}</Text> : null}
    </View>
  )
}
