/**
 * Never a silent empty match. Some commands reach the endpoint in a form that has no documented
 * meaning — wx-server-sdk 4.0.2 serialises a command it cannot encode as `{}` or as its internal
 * `{ operator, operands, fieldName }` object (what the SDK sends is quoted above each case; captured
 * with its QuerySerializer / UpdateSerializer). Before, the local cloud matched nothing and answered
 * ok. Now it translates the forms whose meaning is clear and refuses the rest, naming the field and
 * the operator.
 */
import { newEnvName, sdkFor } from '../support/cloud'

const { db } = sdkFor(newEnvName('commands'))
const _ = db.command
const $ = db.command.aggregate
const items = () => db.collection('conformance_items')

async function reset(docs: any[]): Promise<void> {
  await items().where({ _id: _.exists(true) }).remove()
  if (docs.length) await items().add({ data: docs })
}

const ids = (res: { data: any[] }) => res.data.map((d) => d._id).sort()
/** The SDK's rejection for an InvalidParameter answer whose message names these, in this order. */
const refused = (...parts: string[]) => expect.objectContaining({
  errMsg: expect.stringMatching(new RegExp(['InvalidParameter', ...parts].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*'))),
})

describe('queries the SDK sends in its internal form', () => {
  beforeAll(() => reset([
    { _id: 'in-range', scores: [75, 85], score: 10, items: [{ k: 1 }, { k: 2 }] },
    { _id: 'outside', scores: [60, 120], score: 30, items: [{ k: 5 }] },
  ]))

  // _.elemMatch(_.gt(80).lt(100)) sends { scores: { $elemMatch: { operator: 'and', operands: [
  //   { operator: 'gt', operands: [80], fieldName: 'scores' }, { operator: 'lt', operands: [100], … } ] } } }
  // Documented meaning (Command.elemMatch on an array of numbers): an element with 80 < x < 100.
  it('translates _.elemMatch(_.gt(80).lt(100)) on an array of numbers', async () => {
    expect(ids(await items().where({ scores: _.elemMatch(_.gt(80).lt(100)) }).get())).toEqual(['in-range'])
  })

  // _.elemMatch({ k: _.gt(1).lt(3) }) sends k: { operator: 'and', operands: [...], fieldName: {} }
  it('translates a chained command on a field inside _.elemMatch({...})', async () => {
    expect(ids(await items().where({ items: _.elemMatch({ k: _.gt(1).lt(3) }) }).get())).toEqual(['in-range'])
  })

  // _.all([_.elemMatch(_.gt(80).lt(100))]) sends $all: [{ $elemMatch: { operator: 'and', … } }]
  it('translates the internal form inside _.all([_.elemMatch(...)])', async () => {
    expect(ids(await items().where({ scores: _.all([_.elemMatch(_.gt(80).lt(100)), _.elemMatch(_.lt(80))]) }).get())).toEqual(['in-range'])
  })

  // _.not(_.or([...])) sends { score: {} }: the SDK drops the inner command
  it('refuses the empty condition that _.not(_.or([...])) becomes, naming the field', async () => {
    await expect(items().where({ score: _.not(_.or([_.lt(15), _.gt(25)])) }).get()).rejects.toEqual(refused('score', 'empty'))
  })

  // _.elemMatch(_.or([...])) sends $elemMatch: { operator: 'or', … }: no field-level form of "or" exists
  it('refuses an or inside _.elemMatch on an array of numbers, naming field and operator', async () => {
    await expect(items().where({ scores: _.elemMatch(_.or([_.lt(0), _.gt(100)])) }).get()).rejects.toEqual(refused('scores', 'or'))
  })

  // _.all([_.gt(1)]) sends $all: [{ $gt: 1 }]: MongoDB refuses "no $ expressions in $all"
  it('refuses a command inside _.all([...]) other than _.elemMatch', async () => {
    await expect(items().where({ scores: _.all([_.gt(1)]) }).get()).rejects.toEqual(refused('scores', '$all', '$gt'))
  })

  // _.in([_.gt(1)]) sends $in: [{ $gt: 1 }]: MongoDB refuses "cannot nest $ under $in"
  it('refuses a command inside _.in([...])', async () => {
    await expect(items().where({ score: _.in([_.gt(1)]) }).get()).rejects.toEqual(refused('score', '$gt', '$in'))
  })

  it('refuses an unknown $ operator in where() and in count(), naming field and operator', async () => {
    await expect(items().where({ score: { $foo: 1 } }).get()).rejects.toEqual(refused('score', '$foo'))
    await expect(items().where({ score: { $foo: 1 } }).count()).rejects.toEqual(refused('score', '$foo'))
    await expect(items().where({ score: _.expr(1) }).get()).rejects.toEqual(refused('score', '$expr'))
  })

  it('refuses an unknown operator in an aggregate $match and an unknown stage', async () => {
    await expect(items().aggregate().match({ score: { $foo: 1 } }).end()).rejects.toEqual(refused('score', '$foo'))
    await expect(items().aggregate().addFields({ x: { $foo: 1 } }).end()).rejects.toEqual(refused('$foo'))
  })

  it('refuses what the local cloud does not simulate, by name: _.text, _.jsonSchema, $.meta', async () => {
    await expect(items().where(_.text({ search: '工会' })).get()).rejects.toEqual(refused('text search', 'not simulated'))
    await expect(items().where(_.jsonSchema({ required: ['score'] })).get()).rejects.toEqual(refused('JSON schema', 'not simulated'))
    await expect(items().aggregate().project({ score: $.meta('textScore') }).end()).rejects.toEqual(refused('$meta', 'not simulated'))
  })

  it('refuses an update or remove whose query cannot be interpreted, changing nothing', async () => {
    await expect(items().where({ score: _.not(_.or([_.lt(15), _.gt(25)])) }).update({ data: { hit: true } })).rejects.toEqual(refused('score', 'empty'))
    await expect(items().where({ scores: _.elemMatch(_.or([_.lt(0), _.gt(100)])) }).remove()).rejects.toEqual(refused('scores', 'or'))
    expect((await items().where({ hit: true }).count()).total).toBe(0)
    expect((await items().count()).total).toBe(2)
  })
})

describe('updates the SDK sends in its internal form', () => {
  beforeEach(() => reset([{ _id: 'x', list: [1, 2, 3, 4], cities: [{ places: [{ area: 120, age: 1 }] }, { places: [{ area: 50, age: 1 }] }] }]))
  const get = async () => (await items().doc('x').get()).data

  // _.pull(_.gt(1).lt(4)) sends $pull: { list: { operator: 'and', operands: [gt 1, lt 4], fieldName: {} } }
  it('translates _.pull with a chained command', async () => {
    await items().doc('x').update({ data: { list: _.pull(_.gt(1).lt(4)) } })
    expect((await get()).list).toEqual([1, 4])
  })

  // Command.pull documentation, nested arrays: cities: _.pull({ places: _.elemMatch({ area: _.gt(100), age: _.lt(2) }) })
  // sends places: { $elemMatch: { area: { operator: 'gt', … }, age: { operator: 'lt', … } } }
  it('translates the documented _.pull({ places: _.elemMatch({...}) }) example', async () => {
    await items().doc('x').update({ data: { cities: _.pull({ places: _.elemMatch({ area: _.gt(100), age: _.lt(2) }) }) } })
    expect((await get()).cities).toEqual([{ places: [{ area: 50, age: 1 }] }])
  })

  it('refuses _.pull(_.or([...])), naming field and operator, and changes nothing', async () => {
    await expect(items().doc('x').update({ data: { list: _.pull(_.or([_.lt(2), _.gt(3)])) } })).rejects.toEqual(refused('list', 'or'))
    expect((await get()).list).toEqual([1, 2, 3, 4])
  })

  // _.set({ b: _.inc(1) }) sends $set: { a: { b: { operator: 'inc', … } } }: the SDK does not apply a command inside a value
  it('refuses a command nested inside a value instead of storing the internal object', async () => {
    await expect(items().doc('x').update({ data: { meta: _.set({ n: _.inc(1) }) } })).rejects.toEqual(refused('meta.n', 'inc'))
    await expect(items().add({ data: { n: _.inc(1) } })).rejects.toEqual(refused('n', 'inc'))
    // (doc().set() with a command is refused by the SDK itself: "update operator complicit")
    expect((await get())).not.toHaveProperty('meta')
    expect((await items().count()).total).toBe(1)
  })

  // { a: { b: _.gt(1) } } in update data sends $set: { 'a.b': { $gt: 1 } }; MongoDB: "$gt is not valid for storage"
  it('refuses a query command in update data', async () => {
    await expect(items().doc('x').update({ data: { a: { b: _.gt(1) } } })).rejects.toEqual(refused('a.b', '$gt'))
  })

  it('refuses an operator object stored as data, naming field and operator', async () => {
    await expect(items().where({ _id: 'x' }).update({ data: { list: { $foo: 1 } } })).rejects.toEqual(refused('list', '$foo'))
    expect((await get()).list).toEqual([1, 2, 3, 4])
  })
})
