import type { ReactNode } from 'react'
import { hasRole } from '../../../types/role'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { JoinPrompt } from '@/components/me/JoinPrompt'
import { useMe } from '@/hooks/useMe'
import { usePageRefresh } from '@/hooks/usePageRefresh'

interface Props {
  /** why a non-member sees the join prompt here */
  reason: string
  children: ReactNode
}

/**
 * The body of a members-only tab: waits to know who this is, invites non-members to join, and
 * mounts `children` only for members — so visitors never trigger a call that would be refused.
 */
export function MembersOnly({ reason, children }: Props) {
  const me = useMe()
  usePageRefresh([me.reload])
  const role = me.data?.role
  return (
    <>
      {me.loading ? <LoadingState /> : null}
      {me.error ? <ErrorState message={me.error.message} onRetry={me.error.retryable ? me.reload : undefined} /> : null}
      {role && !hasRole(role, 'member') ? <JoinPrompt role={role} reason={reason} /> : null}
      {role && hasRole(role, 'member') ? children : null}
    </>
  )
}
