import Taro from '@tarojs/taro'
import { EmptyState } from '../states/EmptyState'
import { AppButton } from '../AppButton'

/** A detail page opened without its list (e.g. after a reload): say so and offer the way back. */
export function BackToList({ what, tabUrl }: { what: string; tabUrl: string }) {
  return (
    <EmptyState
      title={`没有找到这条${what}`}
      hint='请回到列表重新点开'
      action={<AppButton onClick={() => void Taro.switchTab({ url: tabUrl })}>回到列表</AppButton>}
    />
  )
}
