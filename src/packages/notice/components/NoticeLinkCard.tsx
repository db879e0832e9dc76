import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeLink } from '../../../../types/notice'
import { AppButton } from '@/components/AppButton'
import './notice-detail.scss'

/** What the notice announces: "去报名" opens the activity. */
export function NoticeLinkCard({ link }: { link: NoticeLink }) {
  const open = () => void Taro.navigateTo({ url: `/packages/activity/pages/detail/index?id=${encodeURIComponent(link.id)}` })
  return (
    <View className='notice-card' data-section='link'>
      <Text className='notice-card__hint'>本公告对应的活动</Text>
      <Text className='notice-link__title'>{link.title}</Text>
      <AppButton block onClick={open}>去报名</AppButton>
    </View>
  )
}
