/**
 * Realistic activity answers for the weapp page tests, each checked against the types/ schema the
 * app parses it with: a 体检 with a 套餐 question, a full 疗休养 with a queue, ids as the functions
 * make them (32 hex; a registration is `<activityId>_<memberId>`, 65 characters).
 */
import {
  activityDetail, activityListOutput, activityManageListOutput, editableOutput, mineOutput, rosterOutput,
  type ActivityDetail, type ActivityListItem, type MyRegistration,
} from '../../types/activity'
import { checked, hexId, page, people } from './support/fixtures'
import type { LoadedPage } from './support/load-page'

export const checkup = hexId('体检')
export const sanatorium = hexId('疗休养')
const me = people.member.member.id
const packageField = { key: 'package', label: '体检套餐', type: 'single' as const, options: ['男性套餐', '女性套餐'], required: true }

const listItem = (over: Partial<ActivityListItem> & Pick<ActivityListItem, 'id' | 'title'>): ActivityListItem => ({
  category: '体检', place: '市第一人民医院体检中心', startAt: '2026-12-01T23:30:00.000Z', endAt: '2026-12-02T03:30:00.000Z',
  signupStartAt: '2026-11-12T00:00:00.000Z', signupEndAt: '2026-11-23T10:00:00.000Z', capacity: 0, confirmedCount: 19, seatsTaken: 19, waitlistCount: 0,
  status: 'open', ...over,
})

export const list = checked(activityListOutput, page([
  listItem({ id: checkup, title: '2026年教职工健康体检', mine: { state: 'confirmed', checkedIn: false } }),
  listItem({
    id: sanatorium, title: '2026年教职工疗休养（浙江安吉）', category: '疗休养', place: '浙江安吉', capacity: 20, confirmedCount: 20, seatsTaken: 20, waitlistCount: 3,
    status: 'full', signupEndAt: '2026-11-25T10:00:00.000Z', mine: { state: 'waitlisted', waitPosition: 4, checkedIn: false },
  }),
  listItem({ id: hexId('饺子'), title: '冬至包饺子 · 教工之家联谊', category: '节日', place: '教工食堂二楼', capacity: 60, confirmedCount: 0, seatsTaken: 0, status: 'upcoming' }),
]), 'activity.list')

export const registration = (over: Partial<MyRegistration> = {}): MyRegistration => ({
  id: `${checkup}_${me}`, activityId: checkup, state: 'confirmed', answers: { package: '女性套餐' }, revision: 0, guests: 0,
  createdAt: '2026-11-13T01:00:00.000Z', canCancel: true, canEdit: true, ...over,
})

export const detail = (over: Partial<ActivityDetail> = {}): ActivityDetail => checked(activityDetail, {
  ...list.items[0], state: 'published', description: '在市第一人民医院体检中心进行，空腹参加。', waitlist: false, audience: { kind: 'all' },
  fields: [packageField], cancelPolicy: 'untilSignupEnd', needsApproval: false, pendingCount: 0, canManage: false, ...over,
}, 'activity.detail')

export const mine = checked(mineOutput, page([
  { registration: registration(), activity: list.items[0], fields: [packageField] },
  {
    registration: registration({ id: `${sanatorium}_${me}`, activityId: sanatorium, state: 'waitlisted', waitPosition: 4, answers: { room: '单间（补差价）' }, canEdit: false }),
    activity: list.items[1], fields: [{ key: 'room', label: '住宿安排', type: 'single', options: ['标准间（与同事合住）', '单间（补差价）'], required: true }],
  },
]), 'activity.mine')

export const manageList = checked(activityManageListOutput, page([
  { ...list.items[0], state: 'published', pendingCount: 0 },
  { ...list.items[2], id: hexId('草稿'), title: '教职工书法兴趣班（第二期）', status: 'draft', state: 'draft', pendingCount: 0 },
  { ...list.items[1], state: 'published', pendingCount: 2 },
]), 'activity.manageList')

export const editable = checked(editableOutput, {
  id: hexId('草稿'), state: 'draft', revision: 2,
  activity: {
    title: '教职工书法兴趣班（第二期）', category: '培训', description: '每周三下午', place: '艺术楼书法教室',
    startAt: '2026-12-02T07:30:00.000Z', endAt: '2026-12-02T09:00:00.000Z', signupStartAt: '2026-11-22T00:00:00.000Z', signupEndAt: '2026-12-01T10:00:00.000Z',
    capacity: 15, waitlist: true, audience: { kind: 'all' }, fields: [], cancelPolicy: 'untilStart', needsApproval: true,
  },
}, 'activity.editable')

const row = (name: string, state: 'confirmed' | 'waitlisted' | 'pending', over: Record<string, unknown> = {}) => ({
  id: `${sanatorium}_${hexId(name)}`, memberId: hexId(name), name, department: '数学组', state, answers: { room: '标准间（与同事合住）' }, guests: 0,
  createdAt: '2026-11-13T02:00:00.000Z', ...over,
})

export const roster = checked(rosterOutput, {
  ...page([
    row('赵磊', 'confirmed', { checkedInAt: '2026-11-22T01:10:00.000Z' }),
    row('杨德明', 'confirmed', { department: '离退休', signedUpBy: '李建国' }),
    row('张明', 'waitlisted', { waitPosition: 1 }),
  ], 23),
  counts: { confirmed: 20, pending: 0, waitlisted: 3, cancelled: 1, rejected: 0, checkedIn: 1, seatsTaken: 20, guests: 4 },
  fields: [{ key: 'room', label: '住宿安排', type: 'single', options: ['标准间（与同事合住）', '单间（补差价）'], required: true }],
  guests: { max: 2, countsTowardCapacity: false },
  title: '2026年教职工疗休养（浙江安吉）', canSignUpOthers: true, canCheckIn: true,
}, 'activity.roster')

/** Taps `selector` (with text `label`) once it is on screen: a tap's re-render arrives asynchronously. */
export async function tapWhenShown(p: LoadedPage, selector: string, label?: string): Promise<void> {
  const shown = () => (p.comp.querySelectorAll(selector) ?? []).some((w: any) => label === undefined || (w.dom as HTMLElement).textContent?.trim() === label)
  await p.waitFor(shown, `${selector} ${label ?? ''}`)
  await p.tap(selector, label)
}

/** Chooses an option of a Choice and waits until the page shows it chosen. */
export async function choose(p: LoadedPage, option: string): Promise<void> {
  await tapWhenShown(p, '.choice__item', option)
  await p.waitFor(() => (p.comp.querySelectorAll('.choice__item--on') ?? []).some((w: any) => (w.dom as HTMLElement).textContent?.trim() === option), `${option} chosen`)
}

/** Types into the first element matching `selector` once it is on screen. */
export async function typeInto(p: LoadedPage, selector: string, value: string): Promise<void> {
  await p.waitFor(() => !!p.comp.querySelector(selector), selector)
  p.comp.querySelector(selector).dispatchEvent('input', { detail: { value } })
  await new Promise((r) => setTimeout(r, 30))
}
