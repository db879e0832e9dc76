/**
 * Update commands (Command.set … Command.addToSet) with the documentation pages' examples that the
 * one-call round in db-conformance.test.ts does not show, through the real wx-server-sdk.
 */
import { newEnvName, sdkFor } from '../support/cloud'

const { db } = sdkFor(newEnvName('update'))
const _ = db.command
const items = () => db.collection('conformance_items')

async function after(doc: any, data: Record<string, unknown>): Promise<any> {
  await items().where({ _id: _.exists(true) }).remove()
  await items().add({ data: { _id: 'u', ...doc } })
  await items().doc('u').update({ data })
  const { _id, ...rest } = (await items().doc('u').get()).data
  return rest
}

// Command.inc / mul: "如果字段不存在" inc creates it with the amount, mul with 0 (MongoDB semantics)
it('inc and mul create a missing field', async () => {
  expect(await after({}, { count: _.inc(10), factor: _.mul(3) })).toEqual({ count: 10, factor: 0 })
})

// Command.min / max: only move the value towards the bound
it('min and max leave the value when it is already past the bound', async () => {
  expect(await after({ lo: 1, hi: 9 }, { lo: _.min(5), hi: _.max(5) })).toEqual({ lo: 1, hi: 9 })
})

// Command.rename on a nested field: 'a.b' renamed to 'c'; Command.remove on a nested field
it('rename and remove nested fields', async () => {
  expect(await after({ a: { b: 1, keep: true }, style: { color: 'red', size: 2 } }, { 'a.b': _.rename('c'), 'style.color': _.remove() }))
    .toEqual({ a: { keep: true }, c: 1, style: { size: 2 } })
})

// Updating one element by its index: 'tags.1': 'db'
it('sets an array element by index', async () => {
  expect(await after({ tags: ['cloud', 'x', 'y'] }, { 'tags.1': 'db' })).toEqual({ tags: ['cloud', 'db', 'y'] })
})

// Command.push: { each: [{ score: 90 }], sort: { score: -1 }, slice: 2 } keeps the top two by score
it('push with each, sort by a field and slice', async () => {
  expect(await after({ quizzes: [{ score: 80 }, { score: 70 }] }, { quizzes: _.push({ each: [{ score: 90 }], sort: { score: -1 }, slice: 2 }) }))
    .toEqual({ quizzes: [{ score: 90 }, { score: 80 }] })
})

// Command.pull with conditions on objects: places: _.pull({ area: _.gt(100), age: _.lt(2) }); and _.pull(_.in([...]))
it('pull objects matching conditions, and values in a list', async () => {
  expect(await after(
    { places: [{ area: 120, age: 1 }, { area: 120, age: 3 }, { area: 50, age: 1 }], tags: ['database', 'cloud', 'x'] },
    { places: _.pull({ area: _.gt(100), age: _.lt(2) }), tags: _.pull(_.in(['database', 'cloud'])) },
  )).toEqual({ places: [{ area: 120, age: 3 }, { area: 50, age: 1 }], tags: ['x'] })
})

// Command.addToSet: an object already present (same fields and values) is not added again
it('addToSet compares objects by value', async () => {
  expect(await after({ list: [{ a: 1 }] }, { list: _.addToSet({ a: 1 }) })).toEqual({ list: [{ a: 1 }] })
})

// Command.pop / shift on an empty array leave it empty; unshift puts values first, in order
it('pop and shift on an empty array, unshift several values', async () => {
  expect(await after({ a: [], b: [], c: [3] }, { a: _.pop(), b: _.shift(), c: _.unshift([1, 2]) })).toEqual({ a: [], b: [], c: [1, 2, 3] })
})

// Command.set on a nested object replaces it whole; plain data merges into it
it('set replaces an embedded object, plain data merges', async () => {
  expect(await after({ style: { color: 'red', size: 2 } }, { style: _.set({ color: 'blue' }) })).toEqual({ style: { color: 'blue' } })
  expect(await after({ style: { color: 'red', size: 2 } }, { style: { color: 'blue' } })).toEqual({ style: { color: 'blue', size: 2 } })
})

// where().update() with a command updates every matching record and reports how many changed
it('updates many records at once, counting only those that changed', async () => {
  await items().where({ _id: _.exists(true) }).remove()
  await items().add({ data: [{ _id: 'a', done: false }, { _id: 'b', done: false }, { _id: 'c', done: true }] })
  const res = await items().where({ _id: _.in(['a', 'b', 'c']) }).update({ data: { done: true } })
  expect(res.stats.updated).toBe(2)
})

// MongoDB error 28: a field cannot be created inside a string, a number, null or a date; the update is
// refused and nothing changes (mingo alone skipped such a path and answered "updated: 1").
it.each([
  ['a string', { title: '活动' }, 'title.x', "Cannot create field 'x' in element {title: \"活动\"}"],
  ['a number', { n: 5 }, 'n.x.y', "Cannot create field 'x' in element {n: 5}"],
  ['null', { nul: null }, 'nul.x', "Cannot create field 'x' in element {nul: null}"],
  ['a date', { at: new Date(Date.UTC(2026, 11, 1)) }, 'at.x', `Cannot create field 'x' in element {at: new Date(${Date.UTC(2026, 11, 1)})}`],
])('a field inside %s is refused', async (_name, doc, path, message) => {
  await items().where({ _id: _.exists(true) }).remove()
  await items().add({ data: { _id: 'u', ...doc, v: 1 } })
  await expect(items().doc('u').update({ data: { [path]: 1, v: _.inc(1) } })).rejects.toMatchObject({ errMsg: expect.stringContaining(message) })
  await expect(items().where({ _id: 'u' }).update({ data: { [path]: _.inc(1) } })).rejects.toMatchObject({ errMsg: expect.stringContaining(message) })
  expect((await items().doc('u').get()).data.v).toBe(1)
})

it('a field inside a missing parent, an object or an array element is still written', async () => {
  expect(await after({ o: { a: 1 }, list: [{ x: 1 }] }, { 'fresh.a': 1, 'o.b': 2, 'list.0.y': 3 })).toEqual({ fresh: { a: 1 }, o: { a: 1, b: 2 }, list: [{ x: 1, y: 3 }] })
})
