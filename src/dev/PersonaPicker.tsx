import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { forgetMe } from '@/hooks/useMe'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { fetchPersonas, getPersona, setPersona, type DevPersona } from './session'
import './persona-picker.scss'

/**
 * Local build only. Choosing a person restarts the app at 公开 so every page loads
 * again as that person (no data of the previous person stays on screen).
 */
export function PersonaPicker({ intro }: { intro?: string }) {
  const [personas, setPersonas] = useState<DevPersona[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const current = getPersona()

  useEffect(() => {
    setError(null)
    fetchPersonas().then(setPersonas, (err: Error) => setError(err.message))
  }, [attempt])

  const choose = (p: DevPersona) => {
    setPersona(p)
    forgetMe()
    void Taro.reLaunch({ url: '/pages/notices/index' })
  }

  return (
    <View className='persona-picker'>
      <Text className='persona-picker__title'>本地演示：选择身份</Text>
      <Text className='persona-picker__intro'>{intro ?? '这是本地演示版，没有微信登录。选一个身份进入，之后可在「我的」里切换。'}</Text>
      {error ? <ErrorState message={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!error && !personas ? <LoadingState text='正在读取演示身份…' /> : null}
      {personas?.map((p) => (
        <View
          key={p.key}
          className={`persona-picker__item${current?.key === p.key ? ' persona-picker__item--current' : ''}`}
          onClick={() => choose(p)}
          data-persona={p.key}
        >
          <Text className='persona-picker__label'>{p.label}</Text>
          <Text className='persona-picker__name'>{p.name}</Text>
          {current?.key === p.key ? <Text className='persona-picker__mark'>当前</Text> : null}
        </View>
      ))}
    </View>
  )
}
