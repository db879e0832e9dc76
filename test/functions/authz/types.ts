import type { CallerKind } from '../callers'

/**
 * One function's rows in the authorization matrix: for every action, exactly who may call it.
 * `input` is optional: refusals are checked before input is parsed, so `{}` is enough to prove
 * a refusal; give an input when an allowed caller should get through to a real answer.
 */
export type AuthzRows = Record<string, {
  allowed: CallerKind[]
  input?: Record<string, unknown>
  /**
   * What an allowed caller must get (`ok` or an error code) — for actions whose role is checked inside:
   * proves the input was complete enough to reach past the check, not refused by its parsing.
   */
  passes?: Array<'ok' | 'CONFLICT' | 'NOT_FOUND'>
}>
