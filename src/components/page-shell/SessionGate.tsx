import type { ReactNode } from 'react'

/** In WeChat the session is the WeChat identity itself: nothing to ask for. */
export function SessionGate({ children }: { children: ReactNode }) {
  return <>{children}</>
}
