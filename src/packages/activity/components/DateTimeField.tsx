import { View, Text, Picker } from '@tarojs/components'
import './form.scss'

/** A Shanghai date and time picked separately (large targets; no typing of dates). */
export function DateTimeField({ date, time, onChange, testId }: { date: string; time: string; onChange: (date: string, time: string) => void; testId: string }) {
  return (
    <View className='row' data-testid={testId}>
      <Picker mode='date' value={date} onChange={(e) => onChange(String(e.detail.value), time)}>
        <View className='input row'><Text>{date}</Text></View>
      </Picker>
      <View style={{ width: '12px' }} />
      <Picker mode='time' value={time} onChange={(e) => onChange(date, String(e.detail.value))}>
        <View className='input row'><Text>{time}</Text></View>
      </Picker>
    </View>
  )
}
