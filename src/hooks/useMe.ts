import type { MemberMeOutput } from '../../types/member'
import { api } from '@/services/api'
import { useAsync } from './useAsync'

// Every tab asks who the caller is; one answer per app session serves them all.
// A failure is not kept, and pull-down refresh (reload) asks again.
let shared: Promise<MemberMeOutput> | null = null

function loadMe(): Promise<MemberMeOutput> {
  if (!shared) {
    const p = api.me()
    shared = p
    p.catch(() => {
      if (shared === p) shared = null
    })
  }
  return shared
}

/** Takes another call's answer as this session's (我的 asks who I am as part of member.home). */
export function shareMe(answer: Promise<MemberMeOutput>): void {
  shared = answer
  answer.catch(() => {
    if (shared === answer) shared = null
  })
}

/** Forget the cached answer: the identity changed (local dev sign-in), so the next page asks again. */
export function forgetMe(): void {
  shared = null
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
