import { View, Text } from '@tarojs/components'
import type { QaItem as Qa } from '../../../types/opinion'
import { Tag } from '../common/Tag'
import { formatDate } from '@/utils/time'
import './opinion.scss'

/** A published question with the union's answer (text edited by the chair for publication). */
export function QaItem({ qa }: { qa: Qa }) {
  return (
    <View className='opinion-card' data-qa={qa.id}>
      <View className='opinion-card__tags'>
        <Tag tone='info'>{qa.category}</Tag>
        <Text className='opinion-card__date'>{formatDate(qa.publishedAt)}</Text>
      </View>
      <View className='qa__row'>
        <Text className='qa__mark qa__mark--q'>问</Text>
        <Text className='qa__text'>{qa.question}</Text>
      </View>
      <View className='qa__row'>
        <Text className='qa__mark qa__mark--a'>答</Text>
        <Text className='qa__text'>{qa.answer}</Text>
      </View>
    </View>
  )
}
