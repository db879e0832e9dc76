/**
 * `_id` keeps its type. The documentation (Collection.add, Result: "_id | String | Number | 新增的记录的 ID")
 * allows string and number ids; MongoDB compares them by type, so `1` and `"1"` are two different ids.
 * Before: a numeric id was stored and returned as text, so code that wrote `doc(String(id))` worked
 * here and found nothing in the cloud.
 */
import { newEnvName, sdkFor } from '../support/cloud'

const { db } = sdkFor(newEnvName('ids'))
const _ = db.command
const items = () => db.collection('conformance_items')
const refs = () => db.collection('conformance_refs')

async function reset(): Promise<void> {
  await items().where({ _id: _.exists(true) }).remove()
  await refs().where({ _id: _.exists(true) }).remove()
}

describe('a numeric _id', () => {
  beforeEach(reset)

  it('comes back from add and get as a number', async () => {
    const res = await items().add({ data: { _id: 1, name: '一' } })
    expect(res._id).toBe(1)
    const got = await items().doc(1).get()
    expect(got.data).toEqual({ _id: 1, name: '一' })
    const listed = await items().get()
    expect(listed.data.map((d: any) => d._id)).toEqual([1])
  })

  it('is a different id from the string with the same digits', async () => {
    const batch = await items().add({ data: [{ _id: 1, kind: 'number' }, { _id: '1', kind: 'string' }] })
    expect(batch._ids).toEqual([1, '1'])
    expect((await items().doc(1).get()).data.kind).toBe('number')
    expect((await items().doc('1').get()).data.kind).toBe('string')
    expect((await items().where({ _id: 1 }).get()).data).toEqual([{ _id: 1, kind: 'number' }])
    expect((await items().where({ _id: _.in(['1']) }).get()).data).toEqual([{ _id: '1', kind: 'string' }])
    expect((await items().where({ _id: _.in([1, 2]) }).count()).total).toBe(1)
    expect((await items().where({ _id: _.gt(0) }).get()).data.map((d: any) => d._id)).toEqual([1])
  })

  it('stays unique: a second document with the same numeric id is refused', async () => {
    await items().add({ data: { _id: 7 } })
    await expect(items().add({ data: { _id: 7 } })).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('dup key: { _id: 7 }') })
    await expect(items().doc(7).get()).resolves.toMatchObject({ data: { _id: 7 } })
  })

  it('is kept by update, set and remove', async () => {
    await items().add({ data: [{ _id: 1, n: 1 }, { _id: 2, n: 1 }, { _id: '2', n: 1 }] })
    expect((await items().doc(1).update({ data: { n: _.inc(1) } })).stats.updated).toBe(1)
    expect((await items().where({ _id: _.in([1, 2]) }).update({ data: { seen: true } })).stats.updated).toBe(2)
    const created = await items().doc(3).set({ data: { n: 3 } })
    expect(created).toMatchObject({ _id: 3, stats: { created: 1 } })
    await items().doc(2).set({ data: { replaced: true } })
    expect((await items().orderBy('_id', 'asc').get()).data).toEqual(expect.arrayContaining([
      { _id: 1, n: 2, seen: true }, { _id: 2, replaced: true }, { _id: '2', n: 1 }, { _id: 3, n: 3 },
    ]))
    expect((await items().doc(2).remove()).stats.removed).toBe(1)
    expect((await items().where({ _id: _.in([1, 3]) }).remove()).stats.removed).toBe(2)
    expect((await items().get()).data).toEqual([{ _id: '2', n: 1 }])
  })

  it('is kept inside a transaction', async () => {
    await items().add({ data: { _id: 10, balance: 100 } })
    await db.runTransaction(async (t: any) => {
      const acct = await t.collection('conformance_items').doc(10).get()
      expect(acct.data._id).toBe(10)
      await t.collection('conformance_items').doc(10).update({ data: { balance: _.inc(-30) } })
      await t.collection('conformance_items').add({ data: { _id: 11, delta: -30 } })
    })
    expect((await items().doc(10).get()).data).toEqual({ _id: 10, balance: 70 })
    expect((await items().doc(11).get()).data).toEqual({ _id: 11, delta: -30 })
  })

  it('joins by type in aggregate lookup: a number matches the number, not the string', async () => {
    await refs().add({ data: [{ _id: 5, label: 'number five' }, { _id: '5', label: 'string five' }] })
    await items().add({ data: { _id: 'order', refId: 5 } })
    const res = await items().aggregate().lookup({ from: 'conformance_refs', localField: 'refId', foreignField: '_id', as: 'ref' }).end()
    expect(res.list).toEqual([{ _id: 'order', refId: 5, ref: [{ _id: 5, label: 'number five' }] }])
  })

  it('refuses an _id that is neither a string nor a number, writing nothing', async () => {
    await expect(items().add({ data: { _id: true, x: 1 } })).rejects.toMatchObject({ errMsg: expect.stringContaining('_id must be a string or a number') })
    await expect(items().add({ data: { _id: { a: 1 } } })).rejects.toMatchObject({ errMsg: expect.stringContaining('_id must be a string or a number') })
    expect((await items().count()).total).toBe(0)
  })
})
