import type { ActivityEditable } from '../../../../types/activity'
import { audienceLabels } from '@/components/activity/activity-labels'
import { formatDateTime } from '@/utils/time'

type Publishable = Pick<ActivityEditable, 'title' | 'startAt' | 'place' | 'signupStartAt' | 'signupEndAt' | 'capacity' | 'waitlist' | 'audience' | 'needsApproval' | 'fields'>

/**
 * What publishing puts in front of every member, in the words of the confirmation: the title, when
 * and where, who may sign up until when, the places. Published activities are not edited in place.
 */
export function publishSummary(a: Publishable): string {
  const who = a.audience.kind === 'departments' ? (a.audience.departments ?? []).join('、') : audienceLabels[a.audience.kind]
  const places = a.capacity === 0 ? '不限名额' : `${a.capacity} 个名额${a.waitlist ? '，满员后可候补' : '，满员即止'}`
  return [
    `“${a.title}”`,
    `时间：${formatDateTime(a.startAt)}`,
    `地点：${a.place}`,
    `报名：${formatDateTime(a.signupStartAt)} 至 ${formatDateTime(a.signupEndAt)}，${who}可报名`,
    `${places}${a.needsApproval ? '，报名需审核' : ''}${a.fields.length ? `，报名时填写 ${a.fields.map((f) => f.label).join('、')}` : ''}`,
    '发布后所有会员都能看到并报名，内容不能再修改（只能取消）。',
  ].join('\n')
}
