import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { EmptyState } from '@/components/states/EmptyState'
import { useWelfareTodo } from '@/hooks/useWelfareTodo'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { formatDay } from '@/utils/time'
import { AppButton } from '@/components/AppButton'
import { askForWelfareTodoReminder } from '@/components/welfare/subscribe'
import '../../components/form.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** The next 待办 message (one-time subscription), asked on this tap. */
async function remindMe() {
  const accepted = await askForWelfareTodoReminder()
  void Taro.showToast({ title: accepted ? '好的，有新待办时会提醒您' : '没有开启提醒', icon: 'none' })
}

/** 待办: birthdays this week and month, hospital follow-ups, unvisited holiday-plan entries. */
export default function WelfareTodoPage() {
  const todo = useWelfareTodo(true)
  usePageRefresh([todo.reload])
  const t = todo.data
  if (todo.error) return <PageShell><ErrorState message={todo.error.message} onRetry={todo.error.retryable ? todo.reload : undefined} /></PageShell>
  if (!t) return <PageShell><LoadingState text='正在加载待办…' /></PageShell>
  const later = t.birthdaysMonth.filter((b) => !t.birthdaysWeek.some((w) => w.id === b.id))
  const birthdayRow = (b: (typeof t.birthdaysMonth)[number]) => (
    <View key={b.id} className='person'>
      <Text className='person__name'>{b.name}</Text>
      <Text className='person__meta'>{`${formatDay(`2000-${b.birthday}`)} · ${b.department} · ${b.status}`}</Text>
      {b.visited ? <Text className='person__meta person__action'>已慰问</Text> : (
        <Text className='link person__action' onClick={() => go(`/packages/welfare/pages/record/index?reason=生日&memberId=${b.id}&name=${encodeURIComponent(b.name)}`)}>记录</Text>
      )}
    </View>
  )
  const nothing = !t.birthdaysMonth.length && !t.followUps.length && !t.plans.length
  return (
    <PageShell>
      {nothing ? <EmptyState title='暂时没有待办' hint='生日、住院回访和节日计划到期时会出现在这里' /> : null}
      {t.plans.length ? <Text className='section-title'>节日计划未走访</Text> : null}
      {t.plans.length ? (
        <View className='form'>
          {t.plans.map((p) => (
            <View key={p.id} className='person' onClick={() => go(`/packages/welfare/pages/plan/index?id=${p.id}`)}>
              <Text className='person__name'>{p.title}</Text>
              <Text className='person__meta'>{`${formatDay(p.plannedDate)} · 还有 ${p.remaining}/${p.total} 户`}</Text>
              <Text className='link person__action'>去登记 ›</Text>
            </View>
          ))}
        </View>
      ) : null}
      {t.followUps.length ? <Text className='section-title'>住院回访</Text> : null}
      {t.followUps.length ? (
        <View className='form'>
          {t.followUps.map((f) => (
            <View key={f.visitId} className='person' onClick={() => go(`/packages/welfare/pages/detail/index?id=${f.visitId}`)}>
              <Text className='person__name'>{f.name}</Text>
              <Text className='person__meta'>{`${formatDay(f.visitDate)}住院慰问，${formatDay(f.dueOn)}应回访`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {t.birthdaysWeek.length ? <Text className='section-title'>本周生日</Text> : null}
      {t.birthdaysWeek.length ? <View className='form'>{t.birthdaysWeek.map(birthdayRow)}</View> : null}
      {later.length ? <Text className='section-title'>本月其他生日</Text> : null}
      {later.length ? <View className='form'>{later.map(birthdayRow)}</View> : null}
      <View className='actions'>
        <AppButton block variant='secondary' onClick={() => void remindMe()}>有新待办时微信提醒我</AppButton>
      </View>
    </PageShell>
  )
}
