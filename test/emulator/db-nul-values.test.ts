/**
 * A query value holding U+0000. PostgreSQL's jsonb has no NUL, so no stored document holds one and a
 * value with it cannot be a SQL parameter: the local cloud answered such queries "-501001 resource
 * system error: unsupported Unicode escape sequence", where MongoDB simply matches nothing (or what
 * the condition's meaning gives, for a range). Each query below must give what the same condition
 * gives on `note`, a field nobody indexed, which the evaluator decides in JavaScript.
 */
import { newEnvName, sdkFor } from '../support/cloud'

const NUL = '\u0000'

describe('query values holding NUL', () => {
  const { db } = sdkFor(newEnvName('nul-values'))
  const _ = db.command
  const items = () => db.collection('conformance_items')
  const ids = (res: { data: any[] }) => res.data.map((d) => d._id).sort()

  beforeAll(async () => {
    await items().where({ _id: _.exists(true) }).remove()
    await items().add({
      data: ['open', 'closed', 'a', ''].map((status, i) => ({ _id: `d${i}`, status, note: status, tags: [status, 'x'], labels: [status, 'x'], rank: i, at: new Date(Date.UTC(2026, 0, i + 1)) })),
    })
  })

  it.each<[string, (field: string) => Record<string, unknown>]>([
    ['equality', (f) => ({ [f]: `open${NUL}` })],
    ['$eq', (f) => ({ [f]: _.eq(NUL) })],
    ['$in with one plain value beside it', (f) => ({ [f]: _.in(['open', `a${NUL}`]) })],
    ['$in of NUL values only', (f) => ({ [f]: _.in([NUL]) })],
    ['a range from NUL', (f) => ({ [f]: _.gt(NUL) })],
    ['a range below a NUL-holding string', (f) => ({ [f]: _.lt(`a${NUL}`) })],
  ])('%s on an indexed field: the evaluator’s answer', async (_name, condition) => {
    const indexed = await items().where(condition('status')).get()
    const evaluated = await items().where(condition('note')).get()
    expect(ids(indexed)).toEqual(ids(evaluated))
    expect((await items().where(condition('status')).count()).total).toBe(evaluated.data.length)
  })

  it.each([[[`x${NUL}`]], [['x', `open${NUL}`]], [[NUL]]])('$all %j on a multikey field, plain and in index order: nothing, as the evaluator says', async (terms) => {
    const evaluated = await items().where({ labels: _.all(terms) }).get()
    expect(evaluated.data).toEqual([])
    expect((await items().where({ tags: _.all(terms) }).get()).data).toEqual([])
    expect((await items().where({ tags: _.all(terms) }).orderBy('rank', 'desc').orderBy('at', 'asc').limit(10).get()).data).toEqual([])
  })

  it('an _id holding NUL names no document: read, count, update and remove find nothing', async () => {
    const id = `d0${NUL}`
    expect((await items().where({ _id: id }).get()).data).toEqual([])
    expect((await items().where({ _id: _.in([id, 'd1']) }).get()).data.map((d: any) => d._id)).toEqual(['d1'])
    expect((await items().where({ _id: id }).count()).total).toBe(0)
    expect((await items().where({ _id: id }).update({ data: { rank: _.inc(1) } })).stats.updated).toBe(0)
    expect((await items().where({ _id: id }).remove()).stats.removed).toBe(0)
    expect((await items().doc('d0').get()).data.rank).toBe(0)
  })
})
