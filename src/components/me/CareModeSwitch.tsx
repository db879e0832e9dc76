import { View, Text, Switch } from '@tarojs/components'
import { useCareMode } from '@/hooks/useCareMode'
import { colors } from '@/styles/tokens'
import './me.scss'

/** The 关怀模式 switch; the change applies to every page at once and is remembered on this phone. */
export function CareModeSwitch() {
  const [care, setCare] = useCareMode()
  return (
    <View className='care-switch'>
      <View className='care-switch__text'>
        <Text className='care-switch__title'>关怀模式</Text>
        <Text className='care-switch__hint'>字更大、颜色更深，看得更清楚</Text>
      </View>
      <Switch
        className='care-switch__control'
        checked={care}
        color={colors.primary}
        onChange={(e) => setCare(Boolean(e.detail.value))}
        aria-label='关怀模式'
      />
    </View>
  )
}
