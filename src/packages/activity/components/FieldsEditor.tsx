import { View, Text, Input } from '@tarojs/components'
import type { ActivityFieldDef } from '../../../../types/activity'
import { Choice } from '@/components/form/Choice'
import './form.scss'

type Row = ActivityFieldDef & { optionsText: string }
const TYPES = { 文字: 'text', 数字: 'number', 单选: 'single', 多选: 'multi' } as const
const TYPE_LABEL = Object.fromEntries(Object.entries(TYPES).map(([k, v]) => [v, k])) as Record<Row['type'], keyof typeof TYPES>

/** The activity's own sign-up questions (尺码, 参赛项目 …): label, type, options, required. */
export function FieldsEditor({ fields, onChange }: { fields: Row[]; onChange: (f: Row[]) => void }) {
  const set = (i: number, patch: Partial<Row>) => onChange(fields.map((f, k) => (k === i ? { ...f, ...patch } : f)))
  const add = () => {
    const used = new Set(fields.map((f) => f.key))
    let n = fields.length + 1
    while (used.has(`f${n}`)) n++
    onChange([...fields, { key: `f${n}`, label: '', type: 'single', options: [], optionsText: '', required: true }])
  }
  return (
    <View>
      {fields.map((f, i) => (
        <View key={f.key} className='summary' data-testid='field-row'>
          <Input className='input' placeholder='项目名称，如 T恤尺码' value={f.label} onInput={(e) => set(i, { label: e.detail.value })} />
          <Choice name={`type-${f.key}`} options={Object.keys(TYPES) as Array<keyof typeof TYPES>} value={TYPE_LABEL[f.type]} onChange={(v) => set(i, { type: TYPES[v] })} />
          {f.type === 'single' || f.type === 'multi' ? (
            <Input className='input' placeholder='选项，用顿号分开，如 S、M、L' value={f.optionsText} onInput={(e) => set(i, { optionsText: e.detail.value })} />
          ) : null}
          <Choice name={`required-${f.key}`} options={['必填', '选填'] as const} value={f.required ? '必填' : '选填'} onChange={(v) => set(i, { required: v === '必填' })} />
          <Text className='link' onClick={() => onChange(fields.filter((_f, k) => k !== i))}>删除这一项</Text>
        </View>
      ))}
      <Text className='link' onClick={add}>＋ 添加报名项</Text>
    </View>
  )
}
