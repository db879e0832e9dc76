import { View, Text, Input } from '@tarojs/components'
import './form.scss'

export interface GiftDraft {
  name: string
  valueYuan: string
}

/** 慰问品 with their value in 元 (checked exactly by the function). */
export function GiftRows({ gifts, onChange }: { gifts: GiftDraft[]; onChange: (g: GiftDraft[]) => void }) {
  const set = (i: number, patch: Partial<GiftDraft>) => onChange(gifts.map((g, k) => (k === i ? { ...g, ...patch } : g)))
  return (
    <View>
      {gifts.map((g, i) => (
        <View key={i} className='gift-row'>
          <Input className='input gift-row__name' placeholder='慰问品，如 水果篮' value={g.name} onInput={(e) => set(i, { name: e.detail.value })} />
          <Input className='input gift-row__value' type='digit' placeholder='价值（元）' value={g.valueYuan} onInput={(e) => set(i, { valueYuan: e.detail.value })} />
          <Text className='link' onClick={() => onChange(gifts.filter((_g, k) => k !== i))}>删除</Text>
        </View>
      ))}
      {gifts.length < 10 ? <Text className='link' onClick={() => onChange([...gifts, { name: '', valueYuan: '' }])}>＋ 添加慰问品</Text> : null}
    </View>
  )
}
