import { TcbError } from '../registry'

export type FailureKind = 'not_found' | 'execute_fail' | 'timeout'

export interface InvokeFailure {
  kind: FailureKind
  /** what WeChat puts after `errMsg:` — the error's stack, or the timeout sentence */
  message: string
}

/** What wx.cloud.callFunction rejects with in the app (errCode, errMsg as the mini program sees them). */
export interface ClientError {
  errCode: number
  errMsg: string
}

const CLIENT: Record<FailureKind, { errCode: number; label: string }> = {
  // WeChat passes SCF's "ResourceNotFound.FunctionName" through with this code
  not_found: { errCode: -501000, label: '' },
  execute_fail: { errCode: -504002, label: 'functions execute fail' },
  timeout: { errCode: -504003, label: '' },
}

/**
 * The TCB codes the functions endpoint answers with. wx-server-sdk maps FUNCTIONS_EXECUTE_FAIL
 * to errCode -504002; it has no entry for the other two, so a function calling a function sees
 * -501001 for them, as in the cloud.
 */
const TCB_CODE: Record<FailureKind, string> = {
  not_found: 'FUNCTION_NOT_FOUND',
  execute_fail: 'FUNCTIONS_EXECUTE_FAIL',
  timeout: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
}

export function notFound(name: string): InvokeFailure {
  return { kind: 'not_found', message: `FunctionName parameter could not be found. (${name})` }
}

export function toClientError(f: InvokeFailure): ClientError {
  const { errCode, label } = CLIENT[f.kind]
  return { errCode, errMsg: `cloud.callFunction:fail Error: errCode: ${errCode} ${label} | errMsg: ${f.message}` }
}

export function toTcbError(f: InvokeFailure): TcbError {
  return new TcbError(TCB_CODE[f.kind], f.message)
}
