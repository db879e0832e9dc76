import type { MemberDoc } from '../../../cloudfunctions/_shared/documents'

/** Just enough of a wx-server-sdk database for caller resolution: members by openid. */
export function membersDb(members: MemberDoc[]) {
  const lookups: string[] = []
  const db = {
    collection(name: string) {
      if (name !== 'members') throw new Error(`unexpected collection ${name}`)
      return {
        where(q: { openid: string }) {
          lookups.push(q.openid)
          return { limit: () => ({ get: async () => ({ data: members.filter((m) => m.openid === q.openid) }) }) }
        },
      }
    },
  }
  return { db: db as any, lookups }
}

export function memberDoc(over: Partial<MemberDoc> & Pick<MemberDoc, 'openid'>): MemberDoc {
  return {
    _id: `m_${over.openid}`,
    name: '张明',
    department: '数学组',
    status: '在职',
    membership: 'approved',
    role: 'member',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...over,
  }
}
