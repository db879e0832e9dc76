/**
 * The query and projection commands of the documentation (Command.eq … Command.expr, Command.project.*)
 * not already in db-conformance.test.ts, each with its page's example, through the real wx-server-sdk.
 */
import { newEnvName, sdkFor } from '../support/cloud'

const { db } = sdkFor(newEnvName('query'))
const _ = db.command
const $ = db.command.aggregate
const items = () => db.collection('conformance_items')
const ids = (res: { data: any[] }) => res.data.map((d) => d._id).sort()

beforeAll(async () => {
  await items().where({ _id: _.exists(true) }).remove()
  await items().add({
    data: [
      { _id: 'p1', progress: 100, tags: ['cloud', 'database'], stock: { a: 1 }, inStock: 10, outStock: 20, places: [{ area: 120, age: 1 }], comments: [1, 2, 3, 4] },
      { _id: 'p2', progress: 60, tags: ['cloud'], stock: { a: 2 }, inStock: 30, outStock: 5, places: [{ area: 80, age: 3 }], comments: [] },
      { _id: 'p3', progress: 25, tags: [], inStock: 7, outStock: 7 },
    ],
  })
})

// Command.eq on an object matches the whole object exactly (field order aside): stock: _.eq({ a: 1 })
it('eq with an object matches that exact object', async () => {
  expect(ids(await items().where({ stock: _.eq({ a: 1 }) }).get())).toEqual(['p1'])
})

// Command.neq: progress: _.neq(100) — also matches records without the field
it('neq matches records lacking the field', async () => {
  expect(ids(await items().where({ stock: _.neq({ a: 1 }) }).get())).toEqual(['p2', 'p3'])
})

// Command.in on an array field: tags: _.in(['database']) matches a record whose tags contain it
it('in and nin against an array field', async () => {
  expect(ids(await items().where({ tags: _.in(['database', 'x']) }).get())).toEqual(['p1'])
  expect(ids(await items().where({ tags: _.nin(['database']) }).get())).toEqual(['p2', 'p3'])
})

// Command.mod: progress: _.mod([10, 0]) → progress divisible by 10
it('mod', async () => {
  expect(ids(await items().where({ progress: _.mod([10, 0]) }).get())).toEqual(['p1', 'p2'])
})

// Command.exists(true) / Command.size(2)
it('exists and size', async () => {
  expect(ids(await items().where({ stock: _.exists(true) }).get())).toEqual(['p1', 'p2'])
  expect(ids(await items().where({ tags: _.size(2) }).get())).toEqual(['p1'])
})

// Command.expr: where(_.expr($.gt(['$outStock', '$inStock']))) compares two fields of one record
it('expr compares fields of the same record', async () => {
  expect(ids(await items().where(_.expr($.gt(['$outStock', '$inStock']))).get())).toEqual(['p1'])
  expect(ids(await items().where(_.and([_.expr($.eq(['$outStock', '$inStock'])), { progress: _.lt(50) }])).get())).toEqual(['p3'])
})

// Query by array index and into arrays of objects: 'tags.0': 'cloud', 'places.area': _.gt(100)
it('matches an array element by index and a field of objects in an array', async () => {
  expect(ids(await items().where({ 'tags.0': 'cloud' }).get())).toEqual(['p1', 'p2'])
  expect(ids(await items().where({ 'places.area': _.gt(100) }).get())).toEqual(['p1'])
})

// A JavaScript RegExp works like db.RegExp
it('matches a JavaScript RegExp literal', async () => {
  expect(ids(await items().where({ _id: /^p[12]$/ }).get())).toEqual(['p1', 'p2'])
})

// Command.project.slice / elemMatch (field projection): comments: _.project.slice(2) → first two;
// slice([1, 2]) → skip one, take two; places: _.project.elemMatch({ area: _.gt(100) }) → the first match only
it('projects with project.slice and project.elemMatch', async () => {
  const first = await items().doc('p1').field({ comments: _.project.slice(2) }).get()
  expect(first.data.comments).toEqual([1, 2])
  const middle = await items().doc('p1').field({ comments: _.project.slice([1, 2]) }).get()
  expect(middle.data.comments).toEqual([2, 3])
  const last = await items().doc('p1').field({ comments: _.project.slice(-1) }).get()
  expect(last.data.comments).toEqual([4])
  const matched = await items().doc('p1').field({ places: _.project.elemMatch({ area: _.gt(100) }) }).get()
  expect(matched.data).toEqual({ _id: 'p1', places: [{ area: 120, age: 1 }] })
})

// Geo commands need a geo index, which the local cloud does not simulate: explicit refusals, never empty.
it('refuses geoNear, geoWithin and geoIntersects by name', async () => {
  const point = new db.Geo.Point(113.3, 23.1)
  const area = new db.Geo.Polygon([new db.Geo.LineString([new db.Geo.Point(0, 0), new db.Geo.Point(3, 2), new db.Geo.Point(2, 3), new db.Geo.Point(0, 0)])])
  await expect(items().where({ location: _.geoNear({ geometry: point, maxDistance: 1000 }) }).get()).rejects.toMatchObject({ errMsg: expect.stringMatching(/location.*geo queries.*not simulated/) })
  await expect(items().where({ location: _.geoWithin({ geometry: area }) }).get()).rejects.toMatchObject({ errMsg: expect.stringMatching(/location.*geo queries.*not simulated/) })
  await expect(items().where({ location: _.geoIntersects({ geometry: area }) }).get()).rejects.toMatchObject({ errMsg: expect.stringMatching(/location.*geo queries.*not simulated/) })
})
