import { View, Text } from '@tarojs/components'
import { AppButton } from '../AppButton'
import './states.scss'

interface Props {
  /** a Chinese message that already says what to do (from services/call) */
  message: string
  /** omitted when retrying cannot help (e.g. no permission) */
  onRetry?: () => void
}

export function ErrorState({ message, onRetry }: Props) {
  return (
    <View className='state state--error' role='alert'>
      <View className='state__icon'>!</View>
      <Text className='state__title'>没有加载出来</Text>
      <Text className='state__hint'>{message}</Text>
      {onRetry ? (
        <View className='state__action'>
          <AppButton onClick={onRetry}>重试</AppButton>
        </View>
      ) : null}
    </View>
  )
}
