/**
 * `_.all([...])` on an indexed field that holds arrays (`tags`, multikey) is narrowed in SQL by
 * jsonb containment (pushdown.ts), answered from a GIN index, SQL deciding the match. The
 * answers must be what the evaluator alone gives — compared against the same condition on a field
 * nobody indexed (`labels`, same values), which never leaves JavaScript.
 */
import { newEnvName, sdkFor } from '../support/cloud'

const values: unknown[] = [
  ['体检', '通知', 2026], ['体检'], [['体检', '通知']], '体检', ['通知', 1.0, true], [1, 2], [], null, [{ t: '体检' }], ['体检', '体检'],
]

describe('$all on a multikey index', () => {
  const { db } = sdkFor(newEnvName('containment'))
  const _ = db.command
  const items = () => db.collection('conformance_items')

  beforeAll(async () => {
    await items().where({ _id: _.exists(true) }).remove()
    await items().add({ data: values.map((v, i) => ({ _id: `d${i}`, tags: v, labels: v })) })
  })

  it.each([
    [['体检']], [['体检', '通知']], [['通知', 2026]], [[1]], [['1']], [[true]], [['无此词']], [[1, 2]],
  ])('%j: the same documents as the evaluator', async (terms) => {
    const ids = (res: { data: any[] }) => res.data.map((d) => d._id).sort()
    const indexed = await items().where({ tags: _.all(terms) }).get()
    const evaluated = await items().where({ labels: _.all(terms) }).get()
    expect(ids(indexed)).toEqual(ids(evaluated))
    expect((await items().where({ tags: _.all(terms) }).count()).total).toBe(evaluated.data.length)
  })
})
