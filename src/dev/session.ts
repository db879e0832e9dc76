import * as z from 'zod/mini'

/**
 * Local (h5) build only — never imported by weapp code. Which demo person the browser
 * acts as; the local cloud's gateway trusts the openid header the way WeChat trusts
 * its own login. Remembered in localStorage so a reload keeps the person.
 */
const STORAGE_KEY = 'jgzj.dev.persona'

// The local cloud's own dev route, not a shared DTO: it exists only in the local build.
const personaSchema = z.object({
  key: z.string(),
  label: z.string(),
  name: z.string(),
  openid: z.string(),
})
export type DevPersona = z.infer<typeof personaSchema>

const listeners = new Set<() => void>()

export function getPersona(): DevPersona | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed = personaSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** A stable snapshot for useSyncExternalStore (a string compares by value; a parsed object would not). */
export function personaSnapshot(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function setPersona(persona: DevPersona): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(persona))
  listeners.forEach((l) => l())
}

export function subscribePersona(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export async function fetchPersonas(): Promise<DevPersona[]> {
  let res: Response
  try {
    res = await fetch('/dev/personas')
  } catch {
    throw new Error('连不上本地云，请确认 npm start 还在运行，然后重试')
  }
  if (!res.ok) throw new Error(`本地云没有返回身份列表（HTTP ${res.status}），请重启 npm start 后重试`)
  const parsed = z.array(personaSchema).safeParse(await res.json().catch(() => null))
  if (!parsed.success) throw new Error('本地云返回的身份列表格式不对，请更新代码后重启')
  return parsed.data
}
