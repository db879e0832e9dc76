import { View, Text } from '@tarojs/components'
import type { MemberMeOutput } from '../../../types/member'
import { roleLabels } from '../../../types/role'
import './me.scss'

/** Name, role and status at the top of 我的; a visitor sees who they are not yet. */
export function ProfileCard({ me }: { me: MemberMeOutput }) {
  const { member, role } = me
  return (
    <View className='profile-card'>
      <View className='profile-card__avatar'>{member ? member.name.slice(-2) : '访'}</View>
      <View className='profile-card__body'>
        <Text className='profile-card__name'>{member ? member.name : '未加入的访客'}</Text>
        <View className='profile-card__meta'>
          <Text className='profile-card__role' data-role={role}>
            {member?.roleLabel || roleLabels[role]}
          </Text>
          {member ? (
            <Text className='profile-card__dept'>
              {member.department} · {member.status}
            </Text>
          ) : null}
          {member?.congressLabel ? <Text className='profile-card__dept' data-testid='congress-label'>{member.congressLabel}</Text> : null}
        </View>
      </View>
    </View>
  )
}
