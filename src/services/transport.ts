/**
 * The contract between services/call.ts and the two platform clients (cloud.weapp.ts,
 * cloud.h5.ts). A transport returns what the function returned, or throws a TransportError
 * saying which kind of failure happened; call.ts turns kinds into Chinese messages.
 */
export interface CloudRequest {
  /** cloud function name, e.g. 'notice' */
  name: string
  data: Record<string, unknown>
}

export type Transport = (request: CloudRequest) => Promise<unknown>

export type TransportFailure =
  /** the request never got an answer: offline, DNS, refused */
  | 'network'
  | 'timeout'
  /** the platform answered with an error code: function missing, crashed, quota */
  | 'function'
  /** local build only: no dev identity chosen yet */
  | 'signin'

export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailure,
    detail: string,
    readonly errCode?: number | string,
  ) {
    super(detail)
    this.name = 'TransportError'
  }
}

export interface CloudClient {
  /** Called once at app launch. */
  initCloud(): void
  transport: Transport
}
