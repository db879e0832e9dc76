/**
 * Dev sign-in personas for the local cloud only (the weapp build never contains them). The
 * openids are fixed so the seed, the gateway's persona picker and the tests agree. The visitor
 * has no member record.
 */
export type PersonaKey = 'chair' | 'committee' | 'staff' | 'retiree' | 'visitor'

export interface Persona {
  key: PersonaKey
  label: '主席' | '委员' | '在职教师' | '退休教师' | '访客'
  name: string
  openid: string
}

export const personas: Persona[] = [
  { key: 'chair', label: '主席', name: '王建华', openid: 'o_dev_chair' },
  { key: 'committee', label: '委员', name: '李晓梅', openid: 'o_dev_committee' },
  { key: 'staff', label: '在职教师', name: '张明', openid: 'o_dev_staff' },
  { key: 'retiree', label: '退休教师', name: '陈桂兰', openid: 'o_dev_retiree' },
  { key: 'visitor', label: '访客', name: '赵新', openid: 'o_dev_visitor' },
]

export function persona(key: PersonaKey): Persona {
  const p = personas.find((x) => x.key === key)
  if (!p) throw new Error(`no persona ${key}`)
  return p
}
