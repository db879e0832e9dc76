import { Text } from '@tarojs/components'
import './tag.scss'

export type TagTone = 'primary' | 'success' | 'warning' | 'info' | 'neutral'

/** Small status label; tone carries meaning (green = open/ongoing, grey = over). */
export function Tag({ children, tone = 'neutral' }: { children: string; tone?: TagTone }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}
