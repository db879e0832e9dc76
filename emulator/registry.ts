import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalCloud } from './server'

/**
 * What an `/admin` (TCB protocol) action handler receives. `envName` selects the isolated
 * environment; `caller` is set when the request came from a function invocation run by our
 * runner (the SDK's URL carries the invocation's token), so functions.invokeFunction can pass the
 * caller's identity on.
 */
export interface TcbRequest {
  action: string
  envName: string
  body: Record<string, any>
  /** raw multipart fields for actions the SDK sends as form data (wx.openApi) */
  form?: Record<string, string | Buffer>
  caller?: InvocationIdentity
  cloud: LocalCloud
}

export interface InvocationIdentity {
  openid: string
  appid: string
  unionid: string
  envName: string
  source: string
  /** set by the runner for a running invocation: the endpoint records each request it sends */
  usage?: {
    record(action: string, body?: Record<string, unknown>): void
    /** the endpoint's answer (data, or the refusal's code): a lost race starts a new round of reads */
    answered(action: string, answer: { data?: unknown; code?: string; message?: string }): void
    /** a download link it was given answered "no such file" */
    fileGone(path: string): void
  }
}

/**
 * A TCB action handler returns the full response envelope the SDK expects (usually `{ data: ... }`),
 * or throws a TcbError which becomes `{ code, message }` with HTTP 200, as the real service does.
 */
export type TcbHandler = (req: TcbRequest) => Promise<Record<string, unknown>>

export class TcbError extends Error {
  constructor(public code: string, message: string) {
    super(message)
  }
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, cloud: LocalCloud) => Promise<void>

/** Matches `action` exactly, or every action under a prefix ending with '.' (e.g. 'database.'). */
export interface ActionRegistration {
  action: string
  handler: TcbHandler
}

export interface RouteRegistration {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | '*'
  /** path prefix, e.g. '/gateway/' */
  prefix: string
  handler: RouteHandler
}
