import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { AppButton } from '@/components/AppButton'
import { congressApi } from '../api'

/** The proposer picks 代表 of the session to invite to 附议 (those already invited are left out). */
export function InvitePanel({ sessionId, exclude, busy, onInvite }: { sessionId: string; exclude: string[]; busy: boolean; onInvite: (ids: string[]) => void }) {
  const [people, setPeople] = useState<Array<{ memberId: string; name: string; constituency: string }>>([])
  const [picked, setPicked] = useState<string[]>([])
  useEffect(() => {
    void congressApi.delegates(sessionId).then((r) => setPeople(r.items.filter((d) => d.kind === 'delegate'))).catch(() => undefined)
  }, [sessionId])
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))
  const shown = people.filter((d) => !exclude.includes(d.memberId))
  return (
    <View className='cg-card' data-testid='invite'>
      <Text className='cg-strong'>邀请代表附议</Text>
      {shown.map((d) => (
        <View key={d.memberId} className={`cg-pick${picked.includes(d.memberId) ? ' cg-pick--on' : ''}`} data-delegate={d.memberId} onClick={() => toggle(d.memberId)}>
          <Text>{`${picked.includes(d.memberId) ? '✓ ' : ''}${d.name}（${d.constituency}）`}</Text>
        </View>
      ))}
      <AppButton block disabled={!picked.length || busy} onClick={() => { onInvite(picked); setPicked([]) }}>{`发出邀请（${picked.length} 人）`}</AppButton>
    </View>
  )
}
