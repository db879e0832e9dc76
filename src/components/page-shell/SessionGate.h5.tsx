import { useSyncExternalStore, type ReactNode } from 'react'
import { PersonaPicker } from '../../dev/PersonaPicker'
import { getPersona, personaSnapshot, subscribePersona } from '../../dev/session'

/** Local build: until a demo person is chosen, every page shows the picker instead. */
export function SessionGate({ children }: { children: ReactNode }) {
  const raw = useSyncExternalStore(subscribePersona, personaSnapshot, personaSnapshot)
  if (!raw || !getPersona()) return <PersonaPicker />
  return <>{children}</>
}
