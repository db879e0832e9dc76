/**
 * Writes a line to stderr when the local cloud is slow to answer: a request to the database/storage
 * endpoint taking longer than SLOW_MS, or the main thread not getting to its event loop for as long
 * (something synchronous, or a starved machine). An SDK gives up after 15 s of silence ("request
 * timeout"); these lines tell, after the fact, whether the local cloud was waiting on the database or
 * not running at all. Action names and environments only — never a caller or what was asked.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

const SLOW_MS = 5_000

export function noteSlowRequest(action: string, envName: string, startedAt: number): void {
  // A function called through the endpoint takes its own time (up to its timeout): not a stall.
  if (action.startsWith('functions.')) return
  const ms = Date.now() - startedAt
  if (ms > SLOW_MS) console.error(`[local-cloud] slow request: ${action} in ${envName} took ${ms} ms`)
}

/** Checks the event loop's longest delay every few seconds; returns the stopper. */
export function watchEventLoop(): () => void {
  const delay = monitorEventLoopDelay({ resolution: 50 })
  delay.enable()
  const timer = setInterval(() => {
    const maxMs = Math.round(delay.max / 1e6)
    if (maxMs > SLOW_MS) console.error(`[local-cloud] main thread stalled: the event loop waited ${maxMs} ms`)
    delay.reset()
  }, SLOW_MS)
  timer.unref()
  return () => { clearInterval(timer); delay.disable() }
}
