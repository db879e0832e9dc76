/**
 * `$lookup` reads only the foreign documents it can match (emulator/db/lookup-sources.ts), and
 * answers exactly as a join against the whole collection does. Through the real SDK: each lookup
 * form against the evaluator run on whole collections; then, on the module itself with the real
 * evaluator, which documents each lookup asks the database for.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { aggregate as evaluate, matcher } from '../../emulator/db/evaluator'
import { runWithLookups } from '../../emulator/db/lookup-sources'

const items = [
  { _id: 'i1', ref: 'r1', tags: ['r2', 'r3'], group: 'a', n: 1 },
  { _id: 'i2', ref: 'r2', tags: [], group: 'a', n: 2 },
  { _id: 'i3', ref: 'r9', tags: ['r1'], group: 'b', n: 3 },
]
const refs = [
  { _id: 'r1', key: 'r1', kind: 'x', stock: 5 },
  { _id: 'r2', key: 'r2', kind: 'y', stock: 1 },
  { _id: 'r3', key: 'r3', kind: 'x', stock: 9 },
  { _id: 'r4', kind: 'x', stock: 0 },
]

describe('lookups through the real SDK answer as joins against whole collections', () => {
  const { db } = sdkFor(newEnvName('lookup-sources'))
  const _ = db.command
  const $ = db.command.aggregate
  const whole = (pipeline: any[]) => evaluate(items, pipeline, { conformance_refs: refs, conformance_items: items })

  beforeAll(async () => {
    await db.collection('conformance_items').add({ data: items })
    await db.collection('conformance_refs').add({ data: refs })
  })

  it('localField / foreignField on a value and on an array', async () => {
    const res = await db.collection('conformance_items').aggregate().sort({ _id: 1 })
      .lookup({ from: 'conformance_refs', localField: 'ref', foreignField: '_id', as: 'one' })
      .lookup({ from: 'conformance_refs', localField: 'tags', foreignField: 'key', as: 'many' }).end()
    expect(res.list).toEqual(whole([{ $sort: { _id: 1 } },
      { $lookup: { from: 'conformance_refs', localField: 'ref', foreignField: '_id', as: 'one' } },
      { $lookup: { from: 'conformance_refs', localField: 'tags', foreignField: 'key', as: 'many' } }]))
    expect(res.list.map((d: any) => [d.one.length, d.many.length])).toEqual([[1, 2], [1, 0], [0, 1]])
  })

  it('localField missing on some documents: they match foreign documents without the field', async () => {
    const res = await db.collection('conformance_items').aggregate().sort({ _id: 1 })
      .lookup({ from: 'conformance_refs', localField: 'absent', foreignField: 'key', as: 'none' }).end()
    expect(res.list).toEqual(whole([{ $sort: { _id: 1 } }, { $lookup: { from: 'conformance_refs', localField: 'absent', foreignField: 'key', as: 'none' } }]))
    expect(res.list[0].none.map((d: any) => d._id)).toEqual(['r4'])
  })

  it('after a $group: the lookup joins from the grouped documents', async () => {
    const res = await db.collection('conformance_items').aggregate().group({ _id: '$ref', n: $.sum('$n') }).sort({ _id: 1 })
      .lookup({ from: 'conformance_refs', localField: '_id', foreignField: '_id', as: 'ref' }).end()
    expect(res.list.map((d: any) => [d._id, d.ref.length])).toEqual([['r1', 1], ['r2', 1], ['r9', 0]])
  })

  it('let / pipeline with a constant $match and an $expr on the variables', async () => {
    const res = await db.collection('conformance_items').aggregate().sort({ _id: 1 }).lookup({
      from: 'conformance_refs', let: { n: '$n' },
      pipeline: $.pipeline().match({ kind: 'x', stock: _.gt(0) }).match(_.expr($.gte(['$stock', '$$n']))).project({ _id: 1 }).done(), as: 'x',
    }).end()
    expect(res.list.map((d: any) => d.x.map((r: any) => r._id).sort())).toEqual([['r1', 'r3'], ['r1', 'r3'], ['r1', 'r3']])
  })

  it('several reads anchored on one document, one lookup per source with a $group', async () => {
    const res = await db.collection('conformance_items').aggregate().match({ _id: 'i1' }).lookup({
      from: 'conformance_refs', let: { a: '$_id' }, pipeline: $.pipeline().match({ kind: 'x' }).group({ _id: null, stock: $.sum('$stock') }).done(), as: 'x',
    }).lookup({
      from: 'conformance_refs', let: { a: '$_id' }, pipeline: $.pipeline().match({ kind: 'y' }).group({ _id: null, stock: $.sum('$stock') }).done(), as: 'y',
    }).end()
    expect(res.list).toEqual([{ ...items[0], x: [{ _id: null, stock: 14 }], y: [{ _id: null, stock: 1 }] }])
  })

  it('a lookup inside a lookup\'s pipeline sees its collection (it saw none before)', async () => {
    const res = await db.collection('conformance_items').aggregate().match({ _id: 'i1' }).lookup({
      from: 'conformance_refs', let: { r: '$ref' },
      pipeline: $.pipeline().match(_.expr($.eq(['$_id', '$$r'])))
        .lookup({ from: 'conformance_items', localField: '_id', foreignField: 'tags', as: 'taggedBy' }).done(),
      as: 'ref',
    }).end()
    expect(res.list[0].ref).toHaveLength(1)
    expect(res.list[0].ref[0].taggedBy.map((d: any) => d._id)).toEqual(['i3'])
  })
})

describe('what each lookup asks the database for', () => {
  const asked: Array<[string, unknown]> = []
  const sources: Record<string, any[]> = { refs, items }
  const read = async (from: string, where: any) => {
    asked.push([from, where])
    const test = matcher(where)
    return sources[from].filter((d) => test(d))
  }
  beforeEach(() => { asked.length = 0 })

  it('localField / foreignField: only the local values', async () => {
    await runWithLookups(items.slice(0, 2), [{ $lookup: { from: 'refs', localField: 'ref', foreignField: '_id', as: 'r' } }], read, evaluate)
    expect(asked).toEqual([['refs', { _id: { $in: ['r1', 'r2'] } }]])
  })

  it('a constant $match at the head of a pipeline narrows; $expr and variables do not', async () => {
    const out = await runWithLookups(items.slice(0, 1), [{ $lookup: {
      from: 'refs', let: { n: '$n' }, pipeline: [{ $match: { kind: 'x', $expr: { $gte: ['$stock', '$$n'] } } }], as: 'r',
    } }], read, evaluate)
    expect(asked).toEqual([['refs', { kind: 'x' }]])
    expect(out[0].r.map((d: any) => d._id)).toEqual(['r1', 'r3'])
  })

  it('a local document without the field reads the whole collection', async () => {
    await runWithLookups(items, [{ $lookup: { from: 'refs', localField: 'absent', foreignField: 'key', as: 'r' } }], read, evaluate)
    expect(asked).toEqual([['refs', undefined]])
  })
})
