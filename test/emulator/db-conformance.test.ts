/**
 * Conformance of the local cloud's database endpoint, through the real wx-server-sdk, against
 * what the WeChat cloud database docs specify (result shapes, operators, limits, errors).
 */
import { newEnvName, sdkFor } from '../support/cloud'

const { db, cloud } = sdkFor(newEnvName('conformance'))
const _ = db.command
const $ = db.command.aggregate
const items = () => db.collection('conformance_items')

async function reset(docs: any[]): Promise<void> {
  await items().where({ _id: _.exists(true) }).remove()
  await db.collection('conformance_refs').where({ _id: _.exists(true) }).remove()
  if (docs.length) await items().add({ data: docs })
}

const ids = (res: { data: any[] }) => res.data.map((d) => d._id).sort()

describe('reading', () => {
  beforeAll(() => reset([
    { _id: 'a', status: 'open', score: 10, tags: ['x', 'y'], meta: { level: 1, owner: '王' }, name: 'Alpha' },
    { _id: 'b', status: 'open', score: 20, tags: ['y'], meta: { level: 2, owner: '李' }, name: 'beta' },
    { _id: 'c', status: 'closed', score: 30, tags: [], meta: { level: 2 }, name: 'Gamma' },
    { _id: 'd', status: 'draft', score: '40', name: 'delta', items: [{ k: 1, v: 'p' }, { k: 2, v: 'q' }] },
  ]))

  it('gets one document by id with errMsg document.get:ok', async () => {
    const res = await items().doc('a').get()
    expect(res.errMsg).toBe('document.get:ok')
    expect(res.data).toMatchObject({ _id: 'a', status: 'open', score: 10 })
  })

  it('rejects doc().get() of a missing id as the SDK does', async () => {
    await expect(items().doc('missing').get()).rejects.toThrow(/does not exist/)
  })

  it('filters by equality, including an element of an array field', async () => {
    expect(ids(await items().where({ status: 'open' }).get())).toEqual(['a', 'b'])
    expect(ids(await items().where({ tags: 'x' }).get())).toEqual(['a'])
  })

  it('supports comparison commands within a type (a number range never matches a string)', async () => {
    expect(ids(await items().where({ score: _.gt(10) }).get())).toEqual(['b', 'c'])
    expect(ids(await items().where({ score: _.gte(10).and(_.lte(20)) }).get())).toEqual(['a', 'b'])
    expect(ids(await items().where({ score: _.lt(30) }).get())).toEqual(['a', 'b'])
    expect(ids(await items().where({ score: _.neq(10) }).get())).toEqual(['b', 'c', 'd'])
    expect(ids(await items().where({ score: _.eq('40') }).get())).toEqual(['d'])
  })

  it('supports in, nin, exists, size, all and elemMatch', async () => {
    expect(ids(await items().where({ status: _.in(['closed', 'draft']) }).get())).toEqual(['c', 'd'])
    expect(ids(await items().where({ status: _.nin(['open']) }).get())).toEqual(['c', 'd'])
    expect(ids(await items().where({ tags: _.exists(false) }).get())).toEqual(['d'])
    expect(ids(await items().where({ tags: _.size(0) }).get())).toEqual(['c'])
    expect(ids(await items().where({ tags: _.all(['x', 'y']) }).get())).toEqual(['a'])
    expect(ids(await items().where({ items: _.elemMatch({ k: 2, v: 'q' }) }).get())).toEqual(['d'])
  })

  it('supports and, or, nor and not, at field and top level', async () => {
    expect(ids(await items().where(_.or([{ status: 'closed' }, { score: 10 }])).get())).toEqual(['a', 'c'])
    expect(ids(await items().where({ score: _.or(_.lt(15), _.gt(25)) }).get())).toEqual(['a', 'c'])
    expect(ids(await items().where(_.and([{ status: 'open' }, { score: _.gt(15) }])).get())).toEqual(['b'])
    expect(ids(await items().where(_.nor([{ status: 'open' }, { status: 'draft' }])).get())).toEqual(['c'])
    expect(ids(await items().where({ score: _.not(_.gt(15)) }).get())).toEqual(['a', 'd'])
  })

  it('matches db.RegExp with options', async () => {
    expect(ids(await items().where({ name: db.RegExp({ regexp: '^(alpha|gamma)$', options: 'i' }) }).get())).toEqual(['a', 'c'])
  })

  it('follows dotted paths into nested objects', async () => {
    expect(ids(await items().where({ 'meta.level': 2 }).get())).toEqual(['b', 'c'])
    expect(ids(await items().where({ meta: { owner: '王' } }).get())).toEqual(['a'])
  })

  it('orders, skips and limits', async () => {
    const res = await items().where({ score: _.gte(0) }).orderBy('score', 'desc').skip(1).limit(2).get()
    expect(res.data.map((d: any) => d._id)).toEqual(['b', 'a'])
    // name is not indexed: sorted by the evaluator, strings in binary order as in MongoDB
    const byName = await items().orderBy('name', 'asc').get()
    expect(byName.data.map((d: any) => d.name)).toEqual(['Alpha', 'Gamma', 'beta', 'delta'])
    const asc = await items().where({ status: _.in(['open', 'closed']) }).orderBy('status', 'asc').orderBy('score', 'desc').get()
    expect(asc.data.map((d: any) => d._id)).toEqual(['c', 'b', 'a'])
  })

  it('projects with field()', async () => {
    const res = await items().doc('a').field({ name: true, 'meta.owner': true }).get()
    expect(res.data).toEqual({ _id: 'a', name: 'Alpha', meta: { owner: '王' } })
    const without = await items().doc('a').field({ meta: false, tags: false }).get()
    expect(without.data).toEqual({ _id: 'a', status: 'open', score: 10, name: 'Alpha' })
  })

  it('counts with collection.count:ok', async () => {
    const res = await items().where({ status: 'open' }).count()
    expect(res).toEqual({ total: 2, errMsg: 'collection.count:ok' })
    expect((await items().count()).total).toBe(4)
  })
})

// The documentation contradicts itself on get()'s limit: the server API page Collection.limit says
// "up to 100", the SDK reference says the cloud-function default and maximum are 1000 (20 in the
// mini-program). The local cloud follows wx-server-sdk's current behaviour: 100 when no limit is
// given (Collection.get), up to 1000 when one is (see the README's fidelity limits).
describe('limits', () => {
  beforeAll(() => reset(Array.from({ length: 130 }, (_v, i) => ({ code: `n${i}`, score: i }))))

  it('returns at most 100 documents when no limit is given (server default)', async () => {
    expect((await items().get()).data).toHaveLength(100)
  })

  it('returns more than 100 when a larger limit is asked for (the server SDK allows up to 1000)', async () => {
    expect((await items().limit(1000).get()).data).toHaveLength(130)
  })
})

describe('writing', () => {
  beforeEach(() => reset([]))

  it('adds one document and returns its generated _id', async () => {
    const res = await items().add({ data: { name: '张老师' } })
    expect(res.errMsg).toBe('collection.add:ok')
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    expect((await items().doc(res._id).get()).data.name).toBe('张老师')
  })

  it('adds many documents in one call', async () => {
    const res = await items().add({ data: [{ code: 'm1' }, { code: 'm2' }, { code: 'm3' }] })
    expect(res._ids).toHaveLength(3)
    expect((await items().count()).total).toBe(3)
  })

  it('round-trips Date values as Date and resolves serverDate with its offset', async () => {
    const when = new Date('2026-03-08T01:30:00.000Z')
    const before = Date.now()
    const { _id } = await items().add({ data: { when, at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const doc = (await items().doc(_id).get()).data
    expect(doc.when).toBeInstanceOf(Date)
    expect(doc.when.toISOString()).toBe(when.toISOString())
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000)
    expect(ids(await items().where({ when: _.gt(new Date('2026-03-01T00:00:00Z')) }).get())).toEqual([_id])
  })

  it('updates by doc with document.update:ok and by where with collection.update:ok', async () => {
    await items().add({ data: [{ _id: 'u1', status: 'open', n: 1 }, { _id: 'u2', status: 'open', n: 1 }, { _id: 'u3', status: 'closed', n: 1 }] })
    expect(await items().doc('u1').update({ data: { n: 5 } })).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    const byWhere = await items().where({ status: 'open' }).update({ data: { flag: true } })
    expect(byWhere).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' })
    expect((await items().doc('u3').get()).data.flag).toBeUndefined()
  })

  it('reports updated 0 when a conditional update matches nothing', async () => {
    await items().add({ data: { _id: 'c1', n: 3 } })
    const res = await items().where({ _id: 'c1', n: _.lt(3) }).update({ data: { n: _.inc(1) } })
    expect(res.stats.updated).toBe(0)
    expect((await items().doc('c1').get()).data.n).toBe(3)
  })

  it('merges nested objects on update but replaces the whole document on set', async () => {
    await items().add({ data: { _id: 's1', meta: { a: 1, b: 2 }, keep: 'x' } })
    await items().doc('s1').update({ data: { meta: { b: 3 } } })
    expect((await items().doc('s1').get()).data).toEqual({ _id: 's1', meta: { a: 1, b: 3 }, keep: 'x' })
    const set = await items().doc('s1').set({ data: { only: true } })
    expect(set.stats).toEqual({ updated: 1, created: 0 })
    expect((await items().doc('s1').get()).data).toEqual({ _id: 's1', only: true })
  })

  it('creates the document when set() targets a missing id', async () => {
    const res = await items().doc('new-one').set({ data: { v: 1 } })
    expect(res).toMatchObject({ _id: 'new-one', stats: { updated: 0, created: 1 } })
    expect((await items().doc('new-one').get()).data.v).toBe(1)
  })

  it('removes by doc and by where', async () => {
    await items().add({ data: [{ _id: 'r1', status: 'x' }, { _id: 'r2', status: 'y' }, { _id: 'r3', status: 'y' }] })
    expect(await items().doc('r1').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' })
    expect(await items().where({ status: 'y' }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
    expect((await items().count()).total).toBe(0)
  })

  it('refuses a second document with the same unique key: errCode -502001 with E11000 text', async () => {
    const unique = db.collection('conformance_unique')
    await unique.add({ data: { code: 'only-once' } })
    await expect(unique.add({ data: { code: 'only-once' } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringMatching(/E11000 duplicate key error .* dup key: \{ code: "only-once" \}/),
    })
    expect((await unique.where({ code: 'only-once' }).count()).total).toBe(1)
  })

  it('treats a missing uniquely indexed field as null, as MongoDB does: only one document may lack it', async () => {
    const unique = db.collection('conformance_unique')
    await unique.add({ data: { other: 1 } })
    await expect(unique.add({ data: { other: 2 } })).rejects.toMatchObject({ errCode: -502001 })
  })

  it('refuses a duplicate _id', async () => {
    await items().add({ data: { _id: 'same' } })
    await expect(items().add({ data: { _id: 'same' } })).rejects.toMatchObject({ errCode: -502001 })
  })

  it('refuses a collection that is not in the manifest with the collection-not-exist error', async () => {
    await expect(db.collection('no_such_collection').get()).rejects.toMatchObject({
      errCode: -502005,
      errMsg: expect.stringContaining('Db or Table not exist'),
    })
  })
})

describe('update commands', () => {
  const base = {
    _id: 'x', n: 10, m: 3, lo: 5, hi: 5, gone: 1, old: 'v',
    list: [3, 1, 2], set: ['a'], pulls: [1, 2, 3, 4, 5], pullAll: [1, 2, 1, 3], popped: [1, 2, 3], shifted: [1, 2, 3], unshifted: [2],
  }
  let doc: any
  beforeAll(async () => {
    await reset([base])
    await items().doc('x').update({
      data: {
        n: _.inc(5), m: _.mul(4), lo: _.min(2), hi: _.max(9), gone: _.remove(), old: _.rename('renamed'),
        obj: _.set({ a: 1 }), list: _.push({ each: [9, 0], position: 1, sort: 1, slice: 4 }), set: _.addToSet('a'),
        pulls: _.pull(_.gt(3)), pullAll: _.pullAll([1]), popped: _.pop(), shifted: _.shift(), unshifted: _.unshift([0, 1]),
      },
    })
    await items().doc('x').update({ data: { set: _.addToSet({ each: ['b', 'a', 'c'] }), obj: { b: 2 } } })
    doc = (await items().doc('x').get()).data
  })

  it('applies inc, mul, min and max', () => expect([doc.n, doc.m, doc.lo, doc.hi]).toEqual([15, 12, 2, 9]))
  it('applies remove and rename', () => {
    expect(doc).not.toHaveProperty('gone')
    expect(doc).not.toHaveProperty('old')
    expect(doc.renamed).toBe('v')
  })
  it('applies set of an object and then merges into it', () => expect(doc.obj).toEqual({ a: 1, b: 2 }))
  it('applies push with each, position, sort and slice', () => expect(doc.list).toEqual([0, 1, 2, 3]))
  it('applies addToSet with a value and with each', () => expect(doc.set).toEqual(['a', 'b', 'c']))
  it('applies pull with a condition and pullAll', () => {
    expect(doc.pulls).toEqual([1, 2, 3])
    expect(doc.pullAll).toEqual([2, 3])
  })
  it('applies pop, shift and unshift', () => {
    expect(doc.popped).toEqual([1, 2])
    expect(doc.shifted).toEqual([2, 3])
    expect(doc.unshifted).toEqual([0, 1, 2])
  })
})

describe('aggregate', () => {
  beforeAll(async () => {
    await reset([
      { _id: 'v1', reason: '节日慰问', cents: 50000, month: 1, people: ['王', '李'] },
      { _id: 'v2', reason: '节日慰问', cents: 30000, month: 2, people: ['张'] },
      { _id: 'v3', reason: '生病住院', cents: 80000, month: 2, people: [] },
      { _id: 'v4', reason: '生育', cents: 20000, month: 3, people: ['赵'] },
    ])
    await db.collection('conformance_refs').add({ data: [{ _id: 'r1', reason: '节日慰问', label: '春节' }, { _id: 'r2', reason: '生育', label: '添丁' }] })
  })

  it('groups with sum, avg, min, max, first, last, push and addToSet', async () => {
    const res = await items().aggregate().match({ reason: '节日慰问' }).sort({ month: 1 })
      .group({ _id: '$reason', total: $.sum('$cents'), avg: $.avg('$cents'), lo: $.min('$cents'), hi: $.max('$cents'), first: $.first('$month'), last: $.last('$month'), months: $.push('$month'), uniq: $.addToSet('$reason') })
      .end()
    expect(res.errMsg).toBe('collection.aggregate:ok')
    expect(res.list).toEqual([{ _id: '节日慰问', total: 80000, avg: 40000, lo: 30000, hi: 50000, first: 1, last: 2, months: [1, 2], uniq: ['节日慰问'] }])
  })

  it('projects, adds fields, sorts, skips and limits', async () => {
    const res = await items().aggregate().project({ reason: 1, yuan: $.divide(['$cents', 100]) }).addFields({ big: $.gte(['$yuan', 300]) })
      .sort({ yuan: -1 }).skip(1).limit(2).end()
    expect(res.list).toEqual([{ _id: 'v1', reason: '节日慰问', yuan: 500, big: true }, { _id: 'v2', reason: '节日慰问', yuan: 300, big: true }])
  })

  it('unwinds, counts and sorts by count', async () => {
    const unwound = await items().aggregate().unwind('$people').count('n').end()
    expect(unwound.list).toEqual([{ n: 4 }])
    const byCount = await items().aggregate().sortByCount('$reason').limit(1).end()
    expect(byCount.list).toEqual([{ _id: '节日慰问', count: 2 }])
  })

  it('looks up another collection', async () => {
    const res = await items().aggregate().match({ _id: 'v4' }).lookup({ from: 'conformance_refs', localField: 'reason', foreignField: 'reason', as: 'refs' }).end()
    expect(res.list[0].refs).toEqual([{ _id: 'r2', reason: '生育', label: '添丁' }])
  })

  it('buckets by boundaries with a default', async () => {
    const res = await items().aggregate().bucket({ groupBy: '$cents', boundaries: [0, 40000, 60000], default: 'other', output: { n: $.sum(1) } }).end()
    expect(res.list).toEqual([{ _id: 0, n: 2 }, { _id: 40000, n: 1 }, { _id: 'other', n: 1 }])
  })

  // The documented rule (Aggregate.bucket): "each bucket is [lower, upper) — lower inclusive, upper
  // exclusive"; documents outside go to default; without output each bucket has count. The evaluator
  // library put 30000 into [0, 30000).
  it('puts a value equal to a boundary into the bucket that boundary opens, and counts by default', async () => {
    const res = await items().aggregate().bucket({ groupBy: '$cents', boundaries: [0, 30000, 60000], default: 'other' }).end()
    expect(res.list).toEqual([{ _id: 0, count: 1 }, { _id: 30000, count: 2 }, { _id: 'other', count: 1 }])
  })
})

describe('transactions', () => {
  beforeEach(() => reset([{ _id: 'acct', balance: 100 }]))

  it('commits every operation of runTransaction together', async () => {
    const out = await db.runTransaction(async (t: any) => {
      const acct = await t.collection('conformance_items').doc('acct').get()
      await t.collection('conformance_items').doc('acct').update({ data: { balance: _.inc(-30) } })
      await t.collection('conformance_items').add({ data: { _id: 'log1', delta: -30 } })
      return acct.data.balance
    })
    expect(out).toBe(100)
    expect((await items().doc('acct').get()).data.balance).toBe(70)
    expect((await items().doc('log1').get()).data.delta).toBe(-30)
  })

  it('leaves nothing behind when the callback throws', async () => {
    await expect(db.runTransaction(async (t: any) => {
      await t.collection('conformance_items').doc('acct').update({ data: { balance: _.inc(-50) } })
      await t.collection('conformance_items').add({ data: { _id: 'log2' } })
      throw new Error('余额不足')
    })).rejects.toThrow('余额不足')
    expect((await items().doc('acct').get()).data.balance).toBe(100)
    expect((await items().where({ _id: 'log2' }).count()).total).toBe(0)
  })

  it('supports startTransaction with commit and rollback', async () => {
    const t1 = await db.startTransaction()
    await t1.collection('conformance_items').doc('acct').update({ data: { balance: 1 } })
    await t1.rollback()
    expect((await items().doc('acct').get()).data.balance).toBe(100)

    const t2 = await db.startTransaction()
    await t2.collection('conformance_items').doc('acct').set({ data: { balance: 2 } })
    await t2.commit()
    expect((await items().doc('acct').get()).data.balance).toBe(2)
  })

  it('keeps a snapshot: a document read in the transaction shows its own writes', async () => {
    const t = await db.startTransaction()
    await t.collection('conformance_items').doc('acct').update({ data: { balance: 5 } })
    expect((await t.collection('conformance_items').doc('acct').get()).data.balance).toBe(5)
    await t.rollback()
  })
})

describe('environments', () => {
  it('keeps each envName separate', async () => {
    await reset([{ _id: 'mine', status: 'open' }])
    const other = cloud.database({ env: newEnvName('other') })
    const res = await other.collection('conformance_items').where({ _id: 'mine' }).get()
    expect(res.data).toEqual([])
  })
})
