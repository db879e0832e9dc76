/**
 * Per-invocation database request counts: /local/invoke answers `usage` beside the result, and
 * /gateway/call carries the count in the x-local-db-requests header. In production each of these
 * requests is a network round trip, so the count is what the bench reports per action.
 */
import { localCloudUrl, newEnvName } from '../support/cloud'
import { InvocationUsage } from '../../emulator/functions/usage'

const env = newEnvName('usage')

async function invoke(data: Record<string, unknown>, name = 'db-steps'): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, { method: 'POST', body: JSON.stringify({ env, name, openid: 'o_usage', data }) })
  return res.json()
}

describe('database requests counted per invocation', () => {
  it('counts each request the function sent, by protocol action', async () => {
    const r = await invoke({ tag: 'plain', reads: 3, adds: 2 })
    expect(r.ok).toBe(true)
    expect(r.usage).toEqual({ dbRequests: 5, byAction: { getDocument: 3, insertDocument: 2 }, nested: { calls: 0, dbRequests: 0 }, repeatedReads: [] })
  })

  it('counts a transaction as its start, each operation and its commit', async () => {
    const r = await invoke({ tag: 'tx', txWrites: 2 })
    expect(r.usage.byAction).toEqual({ startTransaction: 1, modifyDocument: 2, commitTransaction: 1 })
    expect(r.usage.dbRequests).toBe(4)
  })

  it('keeps the requests of a function it called apart, as nested', async () => {
    const r = await invoke({ tag: 'outer', reads: 1, then: { tag: 'inner', reads: 2, then: { tag: 'innermost', adds: 1 } } })
    expect(r.usage).toEqual({ dbRequests: 1, byAction: { getDocument: 1 }, nested: { calls: 2, dbRequests: 3 }, repeatedReads: [] })
  })

  it('reports zero for a function that touches no database, and for a failure too', async () => {
    expect((await invoke({ tag: 'none' })).usage.dbRequests).toBe(0)
    const failed = await invoke({ message: 'x' }, 'thrower')
    expect(failed.ok).toBe(false)
    expect(failed.usage).toEqual({ dbRequests: 0, byAction: {}, nested: { calls: 0, dbRequests: 0 }, repeatedReads: [] })
  })

  it('lists a document read by id twice outside a transaction — a round trip for what it had', async () => {
    const twice = await invoke({ tag: 'again', idReads: 2 })
    expect(twice.usage.repeatedReads).toEqual(['conformance_items/steps-again'])
    expect((await invoke({ tag: 'once', idReads: 1 })).usage.repeatedReads).toEqual([])
  })

  it('does not list a read after a lost race (an update that matched nothing): the next round reads again on purpose', async () => {
    expect((await invoke({ tag: 'race', idReads: 1, idReadsAfterMiss: 1 })).usage.repeatedReads).toEqual([])
    expect((await invoke({ tag: 'race2', idReads: 1, idReadsAfterMiss: 2 })).usage.repeatedReads).toEqual(['conformance_items/steps-race2'])
  })

  it('does not list a read after a download link it was given found the file gone (downloadFile\'s lost race, seen at the link)', async () => {
    const once = await invoke({ tag: 'gone', idReads: 1, idReadsAfterGoneFile: 1 })
    expect(once.ok).toBe(true)
    expect(once.usage.repeatedReads).toEqual([])
    expect((await invoke({ tag: 'gone2', idReads: 1, idReadsAfterGoneFile: 2 })).usage.repeatedReads).toEqual(['conformance_items/steps-gone2'])
  })

  it('starts a new round only for the link it was given: another file gone is no race of its own', () => {
    const read = (u: InvocationUsage) => u.record('database.getDocument', { collectionName: 'c', query: JSON.stringify({ _id: 'a' }) })
    const given = (u: InvocationUsage) => u.answered('storage.batchGetDownloadUrl', {
      data: { download_list: [{ code: 'SUCCESS', tempFileURL: 'http://127.0.0.1:1/files/e/uploads/notice/a b.pdf?sign=s&t=1' }] },
    })
    for (const [gone, repeated] of [['/files/e/uploads/notice/other.pdf', ['c/a']], ['/files/e/uploads/notice/a b.pdf', []]] as const) {
      const usage = new InvocationUsage()
      given(usage)
      read(usage)
      usage.fileGone(gone)
      read(usage)
      expect(usage.summary().repeatedReads).toEqual(repeated)
    }
  })

  it.each([
    ['a transaction conflict', (u: InvocationUsage) => u.answered('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT' })],
    ['a transaction given up', (u: InvocationUsage) => u.record('database.abortTransaction', { transactionId: 't1' })],
    ['an insert losing its key', (u: InvocationUsage) => u.answered('database.insertDocument', { code: 'DATABASE_REQUEST_FAILED', message: '[FailedOperation] E11000 duplicate key error collection: e.c index: _id_ dup key: { _id: a }' })],
    ['a file no longer there', (u: InvocationUsage) => u.answered('storage.batchGetDownloadUrl', { data: { download_list: [{ code: 'STORAGE_FILE_NONEXIST' }] } })],
  ])('starts a new round of reads after %s', (_what, lose) => {
    const usage = new InvocationUsage()
    const read = () => usage.record('database.getDocument', { collectionName: 'c', query: JSON.stringify({ _id: 'a' }) })
    read()
    lose(usage)
    read()
    expect(usage.summary().repeatedReads).toEqual([])
    usage.answered('database.modifyDocument', { data: { updated: 1, matched: 1 } })
    usage.answered('database.modifyDocument', { data: { updated: 0, matched: 0, upsert_id: 'b' } }) // set() made a new document: no race
    read()
    expect(usage.summary().repeatedReads).toEqual(['c/a'])
  })

  it('does not list reading back a document it pushed onto or counted outside a transaction (others wrote too), but does after plain values or a transaction', () => {
    const usage = new InvocationUsage()
    const read = () => usage.record('database.getDocument', { collectionName: 'c', query: JSON.stringify({ _id: 'a' }) })
    const push = JSON.stringify({ $push: { queue: 'm1' }, $inc: { v: 1 } })
    const write = (data: string, transactionId?: string) => usage.record('database.modifyDocument', { collectionName: 'c', query: JSON.stringify({ _id: 'a', v: 3 }), data, transactionId })
    read()
    write(push)
    read()
    usage.record('database.modifyDocument', { collectionName: 'c', query: JSON.stringify({ $and: [{ _id: 'a', v: 4 }, { $or: [{ n: 1 }, { m: 2 }] }] }), data: push })
    read()
    expect(usage.summary().repeatedReads).toEqual([])
    write(JSON.stringify({ $set: { state: 'open' } }))
    read()
    expect(usage.summary().repeatedReads).toEqual(['c/a'])
    const inTx = new InvocationUsage()
    inTx.record('database.getDocument', { collectionName: 'c', query: JSON.stringify({ _id: 'a' }) })
    inTx.record('database.modifyDocument', { collectionName: 'c', query: JSON.stringify({ _id: 'a' }), data: push, transactionId: 'tx1' })
    inTx.record('database.getDocument', { collectionName: 'c', query: JSON.stringify({ _id: 'a' }) })
    expect(inTx.summary().repeatedReads).toEqual(['c/a'])
  })

  it('does not list reads inside a transaction: re-reading there is how it decides what to write', async () => {
    const r = await invoke({ tag: 'txr', idReads: 1, txWrites: 1, txReads: 2 })
    expect(r.usage.byAction).toMatchObject({ getDocument: 3, startTransaction: 1, commitTransaction: 1 })
    expect(r.usage.repeatedReads).toEqual([])
  })

  it('never mixes up concurrent invocations: 9 at once, each with its own count', async () => {
    // 9 is not a multiple of the pool's 4 instances: some calls wait for an instance another used.
    const answers = await Promise.all(Array.from({ length: 9 }, (_v, i) => invoke({ tag: `c${i}`, reads: i % 4, adds: i % 3 })))
    answers.forEach((r, i) => expect(r.usage.dbRequests).toBe((i % 4) + (i % 3)))
  })

  it('puts the count in the x-local-db-requests header of /gateway/call, leaving the body as callFunction answers', async () => {
    const res = await fetch(`${localCloudUrl()}/gateway/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': 'o_dev_staff' },
      body: JSON.stringify({ name: 'db-steps', data: { tag: 'gw', reads: 2, then: { tag: 'gw2', reads: 1 } } }),
    })
    const body = await res.json()
    expect({ requests: res.headers.get('x-local-db-requests'), body }).toEqual({ requests: '3', body: { result: { tag: 'gw', nested: { tag: 'gw2', nested: null } } } })
  })
})
