import type { MemberMeOutput } from '../../types/member'
import { api } from '@/services/api'
import { useAsync } from './useAsync'

// Every tab asks who the caller is; one answer per app session serves them all.
// A failure is not kept, and pull-down refresh (reload) asks again.
let shared: Promise<MemberMeOutput> | null = null
/** the answer `shared` resolved to, once it has */
let known: MemberMeOutput | undefined

function keep(p: Promise<MemberMeOutput>): void {
  shared = p
  p.then((me) => {
    if (shared === p) known = me
  }, () => {
    if (shared === p) shared = null
  })
}

function loadMe(): Promise<MemberMeOutput> {
  if (!shared) keep(api.me())
  return shared!
}

/** Takes another call's answer as this session's (我的 asks who I am as part of member.home). */
export function shareMe(answer: Promise<MemberMeOutput>): void {
  keep(answer)
}

/** This session's answer if one has arrived, without asking (我的 shows it while its own call runs). */
export function knownMe(): MemberMeOutput | undefined {
  return known
}

/** Forget the cached answer: the identity changed (local dev sign-in), so the next page asks again. */
export function forgetMe(): void {
  shared = null
  known = undefined
}

/** Who the caller is (role + member summary), as the cloud function decides from the WeChat identity. */
export function useMe() {
  const state = useAsync('me', loadMe)
  const reload = async () => {
    shared = null
    await state.reload()
  }
  return { ...state, reload }
}
