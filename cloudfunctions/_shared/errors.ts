import type { ErrorCode } from '../../types/result'

/**
 * Thrown by handlers for an expected refusal; the dispatcher turns it into
 * `{ ok: false, code, message }`. Anything else thrown becomes INTERNAL with a generic message.
 */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已被删除`)
export const forbidden = (message: string) => new AppError('FORBIDDEN', message)
export const conflict = (message: string) => new AppError('CONFLICT', message)

/** A correction made against an older revision than the stored one: someone changed it meanwhile. */
export const staleRevision = () => new AppError('CONFLICT', '已被他人修改，请刷新后重试')
