import { Picker, Text, View } from '@tarojs/components'
import { Field } from '@/components/form/Field'

interface Props { label: string; name: string; value: string; error?: string; start?: string; onChange: (day: string) => void }

/** A required day chosen with the platform's date picker (年-月-日, as the function expects). */
export function DateField({ label, name, value, error, start, onChange }: Props) {
  return (
    <Field label={label} required error={error} value={value}>
      <Picker mode='date' className='cg-date' data-date={name} value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='cg-date__value'><Text>{value || '选择日期'}</Text></View>
      </Picker>
    </Field>
  )
}
