import { ok, type CloudAnswer } from './load-page'

export const people = {
  visitor: { role: 'visitor', member: null },
  member: { role: 'member', member: { id: 'm1', name: '王芳', department: '语文组', status: '在职', roleLabel: '会员' } },
  committee: { role: 'committee', member: { id: 'm2', name: '李建国', department: '数学组', status: '在职', roleLabel: '委员' } },
}

const empty = { items: [], page: 1, total: 0 }

/** Answers member.me as `who` and every `fn.action` from `lists` (empty page otherwise). */
export function cloud(who: keyof typeof people, lists: Record<string, unknown> = {}): CloudAnswer {
  return (name, data) => {
    if (name === 'member' && data.action === 'me') return ok(people[who])
    const key = `${name}.${String(data.action)}`
    const value = lists[key]
    return ok(typeof value === 'function' ? value(data) : (value ?? empty))
  }
}

export const calls = (mock: jest.Mock, fn: string) => mock.mock.calls.map((c) => c[0]).filter((c) => `${c.name}.${c.data.action}` === fn)
