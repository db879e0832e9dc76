/**
 * A database whose writes into one collection fail, as a function killed at that write would: `add`
 * into `fault.collection` throws — through `db.collection(…)` and through a transaction handle from
 * `startTransaction()` or `runTransaction(fn)` alike. Everything else is the real SDK.
 */
export interface Fault {
  collection: string
  /** adds into it that succeed before the failing one (an earlier step's own entry) */
  after?: number
}

/**
 * The function stops at the write: nothing after it runs. A plain failure, not a conflict, so the
 * transaction runner rolls back and throws it without running the attempt again.
 */
export class InjectedFault extends Error {
  constructor(collection: string) {
    super(`injected fault: add into ${collection}`)
    this.name = 'InjectedFault'
  }
}

function collections(target: any, fault: Fault, seen = { adds: 0 }): any {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t)
      if (prop !== 'collection' || typeof value !== 'function') return typeof value === 'function' ? value.bind(t) : value
      return (name: string) => {
        const c = value.call(t, name)
        if (name !== fault.collection) return c
        return new Proxy(c, {
          get(ct, cprop) {
            const v = Reflect.get(ct, cprop, ct)
            if (cprop === 'add' && seen.adds++ >= (fault.after ?? 0)) return async () => { throw new InjectedFault(name) }
            return typeof v === 'function' ? v.bind(ct) : v
          },
        })
      }
    },
  })
}

export function faulty(db: any, fault: Fault): any {
  const seen = { adds: 0 }
  const wrapped = collections(db, fault, seen)
  return new Proxy(wrapped, {
    get(t, prop) {
      if (prop === 'startTransaction') return async () => collections(await db.startTransaction(), fault, seen)
      if (prop === 'runTransaction') return (fn: (tx: any) => unknown, ...rest: unknown[]) => db.runTransaction((tx: any) => fn(collections(tx, fault, seen)), ...rest)
      return Reflect.get(t, prop)
    },
  })
}

/** The documents as stored now (null for a missing one), in order. */
export async function snapshot(db: any, docs: Array<[string, string]>): Promise<unknown[]> {
  const out: unknown[] = []
  for (const [collection, id] of docs) {
    const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as { data: unknown[] }
    out.push(res.data[0] ?? null)
  }
  return out
}
