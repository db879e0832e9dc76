/**
 * The member side of the demo beyond the people themselves: the department list, joining
 * settings, the imported roster (everyone on it, plus two staff who have not joined yet, so a
 * roster match can be tried) and one live invite code.
 */
import type { AppMetaDoc, InviteDoc, MemberDoc, RosterDoc } from '../../cloudfunctions/_shared/documents'
import { addShanghaiDays } from '../../cloudfunctions/_shared/time'
import { nameTerms } from '../../cloudfunctions/_shared/member-search'

export const DEMO_INVITE_CODE = 'JGZJ2026'
export const DEMO_BATCH = 'rdemo'

/** On the roster but not in the app yet: a visitor who enters one of these is approved at once. */
export const NOT_YET_JOINED: Array<Omit<RosterDoc, '_id' | 'batchId'>> = [
  { name: '赵新', department: '英语组', staffNo: 'JG03001', status: '在职', gender: '男', birthday: '05-20', phone: '13957130001' },
  { name: '孙丽', department: '体艺组', staffNo: 'JG03002', status: '在职', gender: '女', birthday: '09-12' },
]

export interface MemberExtras {
  app_meta: AppMetaDoc[]
  roster: RosterDoc[]
  invites: InviteDoc[]
  member_claims: Array<{ _id: string; memberId: string; at: Date }>
}

/**
 * Besides the extra collections, fills in the fields the member function keeps on every record
 * (name search terms, revision), as if each had been written through the function.
 */
export function memberExtras(members: MemberDoc[], now: Date): MemberExtras {
  for (const m of members) {
    m.searchTerms = nameTerms(m.name)
    m.revision ??= 0
  }
  const chair = members.find((m) => m.role === 'chair' && m.membership === 'approved')!
  const chairs = members.filter((m) => m.role === 'chair' && m.membership === 'approved').map((m) => m._id)
  const departments = [...new Set(members.map((m) => m.department))].sort((a, b) => a.localeCompare(b, 'zh'))
  const onRoster = members.filter((m) => m.membership === 'approved' && m.staffNo)
  const roster: RosterDoc[] = [
    ...onRoster.map((m) => ({ name: m.name, department: m.department, staffNo: m.staffNo!, status: m.status, gender: m.gender, birthday: m.birthday, birthYear: m.birthYear, phone: m.phone })),
    ...NOT_YET_JOINED,
  ].map((r, i) => ({ _id: `${DEMO_BATCH}_${i}`, batchId: DEMO_BATCH, ...r }))
  return {
    app_meta: [
      { _id: 'departments', list: departments },
      { _id: 'join_settings', group: true, invite: true, roster: true },
      // the chair lock (cloudfunctions/member/chairs.ts): who the chairs are, written with every role change
      { _id: 'chairs', ids: chairs },
      { _id: 'roster', activeBatch: DEMO_BATCH, rows: roster.length, importedAt: addShanghaiDays(now, -30), fileName: '2026年教职工名册.xlsx' },
    ],
    roster,
    // each approved member's staff number is theirs alone (cloudfunctions/member/claims.ts)
    member_claims: members.filter((m) => m.membership === 'approved' && m.staffNo).map((m) => ({ _id: `staffNo:${m.staffNo}`, memberId: m._id, at: m.approvedAt ?? now })),
    invites: [{
      _id: DEMO_INVITE_CODE, note: '新学期入职教师', expiresAt: addShanghaiDays(now, 30), maxUses: 20, remaining: 17,
      autoApprove: true, revoked: false, createdBy: chair._id, createdAt: addShanghaiDays(now, -3),
    }],
  }
}
