import { useSyncExternalStore } from 'react'
import { getCareMode, setCareMode, subscribeCareMode } from '@/services/care-mode'

export function useCareMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribeCareMode, getCareMode, getCareMode)
  return [on, setCareMode]
}
