/**
 * Every aggregate stage the documentation lists (Aggregate.addFields … unwind), each with its page's
 * example records, call and result, through the real wx-server-sdk. group/sort/skip/limit/count,
 * sortByCount, a plain lookup and bucket are also in db-conformance.test.ts.
 */
import { newEnvName, sdkFor } from '../support/cloud'

const { db } = sdkFor(newEnvName('stages'))
const _ = db.command
const $ = db.command.aggregate
const items = () => db.collection('conformance_items')
const refs = () => db.collection('conformance_refs')

async function reset(docs: any[], refDocs: any[] = []): Promise<void> {
  await items().where({ _id: _.exists(true) }).remove()
  await refs().where({ _id: _.exists(true) }).remove()
  if (docs.length) await items().add({ data: docs })
  if (refDocs.length) await refs().add({ data: refDocs })
}

// Aggregate.addFields: scores { student: 'Maya', homework: [10, 5, 10], quiz: [10, 8], extraCredit: 0 }
// → totalHomework 25, totalQuiz 18, then totalScore 43; a dotted name adds inside an embedded object.
it('addFields, twice, and into an embedded object', async () => {
  await reset([{ _id: 1, student: 'Maya', homework: [10, 5, 10], quiz: [10, 8], extraCredit: 0, specs: { doors: 4 } }])
  const res = await items().aggregate()
    .addFields({ totalHomework: $.sum('$homework'), totalQuiz: $.sum('$quiz') })
    .addFields({ totalScore: $.add(['$totalHomework', '$totalQuiz', '$extraCredit']), 'specs.fuel_type': 'unleaded' })
    .end()
  expect(res.list).toEqual([{ _id: 1, student: 'Maya', homework: [10, 5, 10], quiz: [10, 8], extraCredit: 0, specs: { doors: 4, fuel_type: 'unleaded' }, totalHomework: 25, totalQuiz: 18, totalScore: 43 }])
})

// Aggregate.bucketAuto: "_id is an object holding the bucket's min and max … count is output when
// output is not given"; each bucket's max is the next bucket's min, the last one's max is the largest value.
it('bucketAuto spreads the records evenly with {min, max} ids and count', async () => {
  await reset([10, 20, 30, 40, 50, 60, 70, 80, 90].map((price, i) => ({ _id: i + 1, price })))
  const res = await items().aggregate().bucketAuto({ groupBy: '$price', buckets: 3 }).end()
  expect(res.list).toEqual([
    { _id: { min: 10, max: 40 }, count: 3 },
    { _id: { min: 40, max: 70 }, count: 3 },
    { _id: { min: 70, max: 90 }, count: 3 },
  ])
  const withOutput = await items().aggregate().bucketAuto({ groupBy: '$price', buckets: 1, output: { total: $.sum('$price') } }).end()
  expect(withOutput.list).toEqual([{ _id: { min: 10, max: 90 }, total: 450 }])
})

// Aggregate.count: match score > 80, count('expensiveCount') → { expensiveCount: n }
it('count names its output field', async () => {
  await reset([{ _id: 1, score: 90 }, { _id: 2, score: 85 }, { _id: 3, score: 60 }])
  expect((await items().aggregate().match({ score: _.gt(80) }).count('expensiveCount').end()).list).toEqual([{ expensiveCount: 2 }])
})

// Aggregate.geoNear needs a geo index, which the local cloud does not simulate: an explicit refusal.
it('refuses geoNear by name instead of answering an empty list', async () => {
  await reset([{ _id: 1, location: new db.Geo.Point(113.3, 23.1) }])
  await expect(items().aggregate().geoNear({ distanceField: 'distance', spherical: true, near: new db.Geo.Point(113.3, 23.1), key: 'location' }).end())
    .rejects.toMatchObject({ errMsg: expect.stringMatching(/InvalidParameter.*geoNear.*not simulated/) })
})

// Aggregate.group with a compound _id: group by { category, year }
it('group by a compound key', async () => {
  await reset([{ _id: 1, category: 'a', year: 2019, n: 1 }, { _id: 2, category: 'a', year: 2019, n: 2 }, { _id: 3, category: 'b', year: 2019, n: 5 }])
  const res = await items().aggregate().group({ _id: { category: '$category', year: '$year' }, n: $.sum('$n') }).sort({ '_id.category': 1 }).end()
  expect(res.list).toEqual([{ _id: { category: 'a', year: 2019 }, n: 3 }, { _id: { category: 'b', year: 2019 }, n: 5 }])
})

// Aggregate.lookup, custom join: books ⋈ orders on book title with stock >= quantity, via let + pipeline
it('lookup with let and pipeline (custom join conditions)', async () => {
  await reset(
    [{ _id: 1, book: 'novel 1', quantity: 1 }, { _id: 2, book: 'science 1', quantity: 3 }],
    [{ _id: 'b1', title: 'novel 1', stock: 10 }, { _id: 'b2', title: 'science 1', stock: 2 }],
  )
  const res = await items().aggregate().sort({ _id: 1 }).lookup({
    from: 'conformance_refs',
    let: { order_book: '$book', order_quantity: '$quantity' },
    pipeline: $.pipeline().match(_.expr($.and([$.eq(['$title', '$$order_book']), $.gte(['$stock', '$$order_quantity'])]))).project({ _id: 0, title: 1, stock: 1 }).done(),
    as: 'bookList',
  }).end()
  expect(res.list).toEqual([
    { _id: 1, book: 'novel 1', quantity: 1, bookList: [{ title: 'novel 1', stock: 10 }] },
    { _id: 2, book: 'science 1', quantity: 3, bookList: [] },
  ])
})

// Aggregate.match with query commands: articles { author, score } match score > 70 and < 90
it('match with commands, then group', async () => {
  await reset([{ _id: 1, author: 'stark', score: 80 }, { _id: 2, author: 'stark', score: 85 }, { _id: 3, author: 'bob', score: 60 }, { _id: 4, author: 'li', score: 95 }])
  const res = await items().aggregate().match({ score: _.gt(70).and(_.lt(90)) }).group({ _id: '$author', n: $.sum(1) }).end()
  expect(res.list).toEqual([{ _id: 'stark', n: 2 }])
})

// Aggregate.project: include, exclude _id, computed and nested fields
it('project includes, excludes and computes', async () => {
  await reset([{ _id: 1, title: 'The Book', isbn: '0001122223334', author: { last: 'zzz', first: 'aaa' }, copies: 5 }])
  const res = await items().aggregate().project({ _id: 0, title: 1, 'author.last': 1, copiesSold: $.multiply(['$copies', 2]) }).end()
  expect(res.list).toEqual([{ title: 'The Book', author: { last: 'zzz' }, copiesSold: 10 }])
  const without = await items().aggregate().project({ isbn: 0, author: 0 }).end()
  expect(without.list).toEqual([{ _id: 1, title: 'The Book', copies: 5 }])
})

// Aggregate.replaceRoot: users { name: { first, last } } → replaceRoot({ newRoot: '$name' }) → { first, last };
// with mergeObjects the new root keeps defaults
it('replaceRoot, plain and with mergeObjects', async () => {
  await reset([{ _id: 1, name: { first: '四郎', last: '黄' }, age: 18 }])
  expect((await items().aggregate().replaceRoot({ newRoot: '$name' }).end()).list).toEqual([{ first: '四郎', last: '黄' }])
  const merged = await items().aggregate().replaceRoot({ newRoot: $.mergeObjects([{ first: '', middle: '' }, '$name']) }).end()
  expect(merged.list).toEqual([{ first: '四郎', middle: '', last: '黄' }])
})

// Aggregate.sample: size 1 → one of the records, unchanged
it('sample returns the asked number of input records', async () => {
  const docs = [{ _id: 1, name: 'a' }, { _id: 2, name: 'b' }, { _id: 3, name: 'c' }]
  await reset(docs)
  const res = await items().aggregate().sample({ size: 2 }).end()
  expect(res.list).toHaveLength(2)
  for (const doc of res.list) expect(docs).toContainEqual(doc)
})

// Aggregate.skip / limit / sort (documented together): sort by two keys, skip 1, limit 2
it('sort by several keys, skip and limit', async () => {
  await reset([{ _id: 1, age: 20, score: 1 }, { _id: 2, age: 20, score: 3 }, { _id: 3, age: 18, score: 2 }, { _id: 4, age: 22, score: 0 }])
  const res = await items().aggregate().sort({ age: -1, score: -1 }).skip(1).limit(2).end()
  expect(res.list.map((d: any) => d._id)).toEqual([2, 1])
})

// Aggregate.sortByCount: passages { category } → [{ _id: category, count }] most frequent first
it('sortByCount orders by count, descending', async () => {
  await reset([{ _id: 1, category: 'Web' }, { _id: 2, category: 'Web' }, { _id: 3, category: 'Life' }])
  expect((await items().aggregate().sortByCount('$category').end()).list).toEqual([{ _id: 'Web', count: 2 }, { _id: 'Life', count: 1 }])
})

// Aggregate.unwind: products { size: ['S', 'M', 'L'] }, { size: [] }, { size: null }, { } …
describe('unwind', () => {
  beforeAll(() => reset([
    { _id: 1, product: 'tshirt', size: ['S', 'M', 'L'] },
    { _id: 2, product: 'pants', size: [] },
    { _id: 3, product: 'socks', size: null },
    { _id: 4, product: 'trousers', size: 'S' },
    { _id: 5, product: 'sweater' },
  ]))

  it('emits one record per element; a non-array value counts as one element; empty, null and missing emit nothing', async () => {
    const res = await items().aggregate().sort({ _id: 1 }).unwind('$size').end()
    expect(res.list).toEqual([
      { _id: 1, product: 'tshirt', size: 'S' }, { _id: 1, product: 'tshirt', size: 'M' }, { _id: 1, product: 'tshirt', size: 'L' },
      { _id: 4, product: 'trousers', size: 'S' },
    ])
  })

  it('includeArrayIndex names the index field (null for a non-array value)', async () => {
    const res = await items().aggregate().sort({ _id: 1 }).unwind({ path: '$size', includeArrayIndex: 'index' }).end()
    expect(res.list.map((d: any) => [d._id, d.size, d.index])).toEqual([[1, 'S', 0], [1, 'M', 1], [1, 'L', 2], [4, 'S', null]])
  })

  it('preserveNullAndEmptyArrays keeps the records that have nothing to unwind', async () => {
    const res = await items().aggregate().sort({ _id: 1 }).unwind({ path: '$size', preserveNullAndEmptyArrays: true }).end()
    expect(res.list.map((d: any) => d._id)).toEqual([1, 1, 1, 2, 3, 4, 5])
  })
})

// Aggregate.count: "outputs one record whose field holds the number of input records" — and, as in
// MongoDB, no record at all when no record reaches it (also inside a lookup's pipeline).
it('count answers the number of records, and nothing when none reach it', async () => {
  await reset([{ _id: 1, n: 1 }, { _id: 2, n: 2 }], [{ _id: 'r1', n: 1 }])
  expect((await items().aggregate().count('total').end()).list).toEqual([{ total: 2 }])
  expect((await items().aggregate().match({ n: 3 }).count('total').end()).list).toEqual([])
  const joined = await items().aggregate().sort({ _id: 1 }).lookup({
    from: 'conformance_refs', let: { n: '$n' }, pipeline: $.pipeline().match(_.expr($.eq(['$n', '$$n']))).count('c').done(), as: 'refs',
  }).end()
  expect(joined.list.map((d: any) => d.refs)).toEqual([[{ c: 1 }], []])
})
