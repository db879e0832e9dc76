import { useState } from 'react'
import { canScan, scanCode } from '@/components/checkin/scan'
import { messageOf } from '@/services/call'

/**
 * The organiser's side of a check-in code (活动签到, 教代会签到): scan it with the camera (weapp) or
 * paste its text (browser), send it, keep the refusal to show. `check` sends one code; `onDone`
 * gets what it answered (who was checked in).
 */
export function useCheckinScan<T>(check: (token: string) => Promise<T>, onDone: (out: T) => void) {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (token: string) => {
    if (!token.trim()) return
    setBusy(true)
    setError('')
    try {
      onDone(await check(token.trim()))
      setText('')
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      await submit(await scanCode())
    } catch {
      // cancelled the camera: nothing to do
    }
  }
  return { canScan, text, setText, error, busy, submit, scan }
}
