import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { WelfareTodoOutput } from '../../../types/welfare'
import { formatDay } from '@/utils/time'
import { askForWelfareTodoReminder } from './subscribe'
import './welfare-todo.scss'

/**
 * 慰问待办 on the committee's home (我的 reads it with the rest of the page, member.home): renders
 * nothing without a 待办 — for anyone but committee members and the chair, or when it could not be made.
 */
export function WelfareTodo({ todo }: { todo: WelfareTodoOutput | null | undefined }) {
  const t = todo
  if (!t) return null
  const birthdays = t.birthdaysWeek.filter((b) => !b.visited)
  const lines: string[] = [
    ...birthdays.slice(0, 3).map((b) => `${b.name} ${formatDay(`2000-${b.birthday}`)}生日`),
    ...t.followUps.slice(0, 3).map((f) => `${f.name} 住院回访（${formatDay(f.dueOn)}到期）`),
    ...t.plans.slice(0, 2).map((p) => `${p.title}：还有 ${p.remaining} 户未走访`),
  ]
  const open = () => {
    void askForWelfareTodoReminder()
    void Taro.navigateTo({ url: '/packages/welfare/pages/todo/index' })
  }
  return (
    <View className='welfare-todo' onClick={open} data-testid='welfare-todo'>
      <View className='welfare-todo__head'>
        <Text className='welfare-todo__title'>慰问待办</Text>
        {t.count > 0 ? <Text className='welfare-todo__badge'>{t.count}</Text> : null}
        <Text className='welfare-todo__more'>全部 ›</Text>
      </View>
      {lines.length ? (
        lines.map((l) => <Text key={l} className='welfare-todo__line'>{l}</Text>)
      ) : (
        <Text className='welfare-todo__line welfare-todo__line--quiet'>{`本月生日 ${t.birthdaysMonth.length} 人，暂无需要处理的慰问`}</Text>
      )}
    </View>
  )
}
