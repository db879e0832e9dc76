/** Messages between the main thread and the database thread (thread.ts, worker.ts). */

export type DatabaseCall = { id: number } & (
  | { op: 'start'; dataDir: string; databaseUrl?: string; defaultEnv: string }
  | { op: 'handle'; action: string; envName: string; body: Record<string, any> }
  | { op: 'explain'; envName: string; collection: string; query?: unknown; order?: unknown; limit?: number }
  | { op: 'drop'; envName: string }
  | { op: 'stop' }
)

/** Distributes over the union: a call without its id, as the caller writes it. */
export type DatabaseRequest = DatabaseCall extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never

export type DatabaseReply =
  | { id: number; ok: true; value: unknown }
  /** tcbCode: a TcbError's code, answered to the SDK as `{ code, message }` like any other refusal. */
  | { id: number; ok: false; error: { tcbCode?: string; message: string; stack?: string } }
