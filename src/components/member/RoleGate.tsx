import type { ReactNode } from 'react'
import { hasRole, type Role } from '../../../types/role'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { EmptyState } from '@/components/states/EmptyState'
import { useMe } from '@/hooks/useMe'

interface Props {
  need: 'committee' | 'chair'
  /** or, when the body depends on the role, a function of it: the body then opens knowing it */
  children: ReactNode | ((role: Role) => ReactNode)
}

const REFUSED = {
  committee: '只有工会委员和主席可以查看这一页',
  chair: '只有工会主席可以查看这一页',
}

/**
 * The body of a committee or chair page: mounts `children` only for those roles, so nobody
 * else triggers a call the function would refuse anyway (the function still checks).
 */
export function RoleGate({ need, children }: Props) {
  const me = useMe()
  const role = me.data?.role
  if (me.loading) return <LoadingState />
  if (me.error) return <ErrorState message={me.error.message} onRetry={me.error.retryable ? me.reload : undefined} />
  if (!role || !hasRole(role, need)) return <EmptyState title={REFUSED[need]} hint='如需使用，请联系工会主席' />
  return <>{typeof children === 'function' ? children(role) : children}</>
}
