import { useRef, useState } from 'react'
import type { OpinionSubmitInput, OpinionSubmitOutput } from '../../../types/opinion'
import { messageOf } from '@/services/call'
import { opinionApi } from './api'
import { stagePhotos } from './photos'
import { randomHex } from './random-hex'

export type SubmitFields = Omit<OpinionSubmitInput, 'requestId' | 'images'> & { photos: string[] }

/**
 * Sends one form. The form's request id is made once (128 random bits) and kept across double
 * taps, a failed network and a retry after an error, so the function stores one item and answers
 * one receipt code (opinion/submit.ts); a new form (a new page) makes a new one. A tap while one
 * is in flight does nothing.
 */
export function useSubmitOpinion(onDone: (answer: OpinionSubmitOutput, input: OpinionSubmitInput) => void) {
  const requestId = useRef<Promise<string> | null>(null)
  const inFlight = useRef(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function send(fields: SubmitFields): Promise<void> {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setError('')
    try {
      requestId.current ??= randomHex()
      const { photos, ...rest } = fields
      // Staged afresh for each attempt: the function deletes the uploads whatever it answers.
      const input: OpinionSubmitInput = { ...rest, requestId: await requestId.current, images: await stagePhotos(photos) }
      onDone(await opinionApi.submit(input), input)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return { send, busy, error, setError }
}
