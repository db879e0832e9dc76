/**
 * Every aggregate expression operator the documentation lists (db.command.aggregate, "聚合操作符"
 * pages: 算术 / 数组 / 布尔 / 比较 / 条件 / 日期 / 常量 / 对象 / 集合 / 字符串 / 累计器 / 变量),
 * through the real wx-server-sdk. Each case is the documentation page's example: its records, its
 * call, and the result it shows (abridged where the page lists many rows).
 */
import { newEnvName, sdkFor } from '../support/cloud'

const { db } = sdkFor(newEnvName('expressions'))
const _ = db.command
const $ = db.command.aggregate
const items = () => db.collection('conformance_items')

/** The documented records, then `project` (with _id kept for order) — the shape every example uses. */
async function projectOver(docs: any[], projection: Record<string, unknown>): Promise<any[]> {
  await items().where({ _id: _.exists(true) }).remove()
  await items().add({ data: docs })
  const res = await items().aggregate().sort({ _id: 1 }).project(projection).end()
  return res.list
}

const d = (iso: string) => new Date(iso)

describe('arithmetic operators', () => {
  // abs: ratings { _id: 1, start: 5, end: 8 } … → delta = |start - end|
  it('abs and subtract', async () => {
    expect(await projectOver([{ _id: 1, start: 5, end: 8 }, { _id: 2, start: 4, end: 4 }, { _id: 3, start: 9, end: 7 }, { _id: 4, start: 6, end: 7 }],
      { delta: $.abs($.subtract(['$start', '$end'])) }))
      .toEqual([{ _id: 1, delta: 3 }, { _id: 2, delta: 0 }, { _id: 3, delta: 2 }, { _id: 4, delta: 1 }])
  })

  // add: staff { department: 'x', sales: 5, engineer: 10 } → total 15; a date plus milliseconds is a date
  it('add numbers, and milliseconds to a date', async () => {
    expect(await projectOver([{ _id: 1, sales: 5, engineer: 10, lastUpdate: d('2019-05-01T00:00:00Z') }],
      { total: $.add(['$sales', '$engineer']), next: $.add(['$lastUpdate', 60 * 60 * 24 * 1000]) }))
      .toEqual([{ _id: 1, total: 15, next: d('2019-05-02T00:00:00Z') }])
  })

  // ceil / floor / trunc: { value: 9.25 } { value: 8.73 } { value: 4.32 } { value: -5.34 }
  it('ceil, floor and trunc', async () => {
    expect(await projectOver([{ _id: 1, value: 9.25 }, { _id: 2, value: 8.73 }, { _id: 3, value: 4.32 }, { _id: 4, value: -5.34 }],
      { c: $.ceil('$value'), f: $.floor('$value'), t: $.trunc('$value') }))
      .toEqual([{ _id: 1, c: 10, f: 9, t: 9 }, { _id: 2, c: 9, f: 8, t: 8 }, { _id: 3, c: 5, f: 4, t: 4 }, { _id: 4, c: -5, f: -6, t: -5 }])
  })

  // divide: railroads { name: 'A', meters: 5300 } → km = meters / 1000
  it('divide, multiply, mod', async () => {
    expect(await projectOver([{ _id: 1, meters: 5300, price: 10, quantity: 2, dividend: 20, divisor: 3 }],
      { km: $.divide(['$meters', 1000]), total: $.multiply(['$price', '$quantity']), rest: $.mod(['$dividend', '$divisor']) }))
      .toEqual([{ _id: 1, km: 5.3, total: 20, rest: 2 }])
  })

  // exp, ln, log, log10, pow, sqrt: the math functions on the documented small values
  it('exp, ln, log, log10, pow and sqrt', async () => {
    const [row] = await projectOver([{ _id: 1, zero: 0, e: Math.E, eight: 8, hundred: 100, three: 3, four: 4, sixteen: 16 }],
      { exp: $.exp('$zero'), ln: $.ln('$e'), log: $.log(['$eight', 2]), log10: $.log10('$hundred'), pow: $.pow(['$three', 2]), sqrt: $.sqrt('$sixteen') })
    expect(row).toEqual({ _id: 1, exp: 1, ln: 1, log: 3, log10: 2, pow: 9, sqrt: 4 })
  })
})

describe('array operators', () => {
  // arrayElemAt: exams { scores: [80, 60, 65, 90] } → first 80, last 90
  it('arrayElemAt, with a negative index from the end', async () => {
    expect(await projectOver([{ _id: 1, scores: [80, 60, 65, 90] }], { first: $.arrayElemAt(['$scores', 0]), last: $.arrayElemAt(['$scores', -1]) }))
      .toEqual([{ _id: 1, first: 80, last: 90 }])
  })

  // arrayToObject / objectToArray: [['chinese', 80], ['math', 90]] ⇄ { chinese: 80, math: 90 }
  it('arrayToObject from pairs and from {k, v}, and objectToArray back', async () => {
    expect(await projectOver([{ _id: 1, pairs: [['chinese', 80], ['math', 90]], kv: [{ k: 'english', v: 70 }], obj: { chinese: 80, math: 90 } }],
      { a: $.arrayToObject('$pairs'), b: $.arrayToObject('$kv'), c: $.objectToArray('$obj') }))
      .toEqual([{ _id: 1, a: { chinese: 80, math: 90 }, b: { english: 70 }, c: expect.arrayContaining([{ k: 'chinese', v: 80 }, { k: 'math', v: 90 }]) }])
    // (the pairs come back in jsonb's key order — shorter keys first — not insertion order: a fidelity limit in the README)
  })

  // concatArrays: fruits { fruits: ['apple'], vegetables: ['broccoli'] } → ['apple', 'broccoli']
  it('concatArrays, size, reverseArray, isArray, in, indexOfArray', async () => {
    expect(await projectOver([{ _id: 1, fruits: ['apple', 'pear'], vegetables: ['broccoli'], n: 3 }], {
      list: $.concatArrays(['$fruits', '$vegetables']), size: $.size('$fruits'), reversed: $.reverseArray('$fruits'),
      isArray: $.isArray('$fruits'), notArray: $.isArray('$n'), hasPear: $.in(['pear', '$fruits']), where: $.indexOfArray(['$fruits', 'pear']),
    })).toEqual([{ _id: 1, list: ['apple', 'pear', 'broccoli'], size: 2, reversed: ['pear', 'apple'], isArray: true, notArray: false, hasPear: true, where: 1 }])
  })

  // filter: goods { price: [...] } cond: $$item.price >= 100 — keeps the matching items
  it('filter and map with their named variable', async () => {
    expect(await projectOver([{ _id: 1, items: [{ price: 10 }, { price: 150 }, { price: 200 }] }], {
      expensive: $.filter({ input: '$items', as: 'item', cond: $.gte(['$$item.price', 100]) }),
      doubled: $.map({ input: '$items', as: 'item', in: $.multiply(['$$item.price', 2]) }),
    })).toEqual([{ _id: 1, expensive: [{ price: 150 }, { price: 200 }], doubled: [20, 300, 400] }])
  })

  // range: [0, 10, 3] → [0, 3, 6, 9]; slice: [1, 2, 3, 4] from 1 take 2 → [2, 3]
  it('range, slice and reduce', async () => {
    expect(await projectOver([{ _id: 1, list: [1, 2, 3, 4] }], {
      range: $.range([0, 10, 3]), slice: $.slice(['$list', 1, 2]), sum: $.reduce({ input: '$list', initialValue: 0, in: $.add(['$$value', '$$this']) }),
    })).toEqual([{ _id: 1, range: [0, 3, 6, 9], slice: [2, 3], sum: 10 }])
  })

  // zip: { matrix: [[1, 2], [3, 4]] } → [[1, 3], [2, 4]]; useLongestLength pads with defaults
  it('zip, with useLongestLength and defaults', async () => {
    expect(await projectOver([{ _id: 1, a: [1, 2, 3], b: [4, 5] }], {
      short: $.zip({ inputs: ['$a', '$b'] }), long: $.zip({ inputs: ['$a', '$b'], useLongestLength: true, defaults: [0, 0] }),
    })).toEqual([{ _id: 1, short: [[1, 4], [2, 5]], long: [[1, 4], [2, 5], [3, 0]] }])
  })
})

describe('boolean, comparison and conditional operators', () => {
  it('and, or, not', async () => {
    expect(await projectOver([{ _id: 1, min: 10, max: 20 }], {
      both: $.and([$.gt(['$min', 5]), $.lt(['$max', 30])]), either: $.or([$.gt(['$min', 50]), $.lt(['$max', 30])]), not: $.not($.gt(['$min', 5])),
    })).toEqual([{ _id: 1, both: true, either: true, not: false }])
  })

  // cmp: -1 / 0 / 1; eq, gt, gte, lt, lte, neq
  it('cmp, eq, neq, gt, gte, lt, lte', async () => {
    expect(await projectOver([{ _id: 1, price: 50 }], {
      cmp: $.cmp(['$price', 100]), eq: $.eq(['$price', 50]), neq: $.neq(['$price', 50]),
      gt: $.gt(['$price', 50]), gte: $.gte(['$price', 50]), lt: $.lt(['$price', 50]), lte: $.lte(['$price', 50]),
    })).toEqual([{ _id: 1, cmp: -1, eq: true, neq: false, gt: false, gte: true, lt: false, lte: true }])
  })

  // cond: { amount: 50 } → amount >= 100 ? 'big' : 'small'; ifNull: missing description → '暂无'
  it('cond, ifNull and switch', async () => {
    expect(await projectOver([{ _id: 1, amount: 150, description: '有' }, { _id: 2, amount: 50 }], {
      size: $.cond({ if: $.gte(['$amount', 100]), then: 'big', else: 'small' }),
      description: $.ifNull(['$description', '暂无']),
      band: $.switch({ branches: [{ case: $.gt(['$amount', 100]), then: 'high' }, { case: $.gt(['$amount', 60]), then: 'mid' }], default: 'low' }),
    })).toEqual([{ _id: 1, size: 'big', description: '有', band: 'high' }, { _id: 2, size: 'small', description: '暂无', band: 'low' }])
  })
})

describe('date operators', () => {
  const date = d('2019-05-14T09:38:51.686Z')

  // dateFromParts: { year: 2017, month: 2, day: 8, hour: 12, timezone: 'America/New_York' } → ISODate("2017-02-08T17:00:00.000Z")
  it('dateFromParts with a timezone', async () => {
    expect(await projectOver([{ _id: 1 }], { _id: 0, date: $.dateFromParts({ year: 2017, month: 2, day: 8, hour: 12, timezone: 'America/New_York' }) }))
      .toEqual([{ date: d('2017-02-08T17:00:00.000Z') }])
  })

  // dateFromString: { dateString: "2019-05-14T09:38:51.686Z" } → ISODate("2019-05-14T09:38:51.686Z")
  it('dateFromString', async () => {
    expect(await projectOver([{ _id: 1 }], { _id: 0, date: $.dateFromString({ dateString: '2019-05-14T09:38:51.686Z' }) }))
      .toEqual([{ date }])
  })

  // dateToString: students { date: "1999-12-11T16:00:00.000Z" } format '%Y-%m-%d' → "1999-12-11"; timezone 'Asia/Shanghai' → "1999-12-12"
  it('dateToString with format, timezone and onNull', async () => {
    expect(await projectOver([{ _id: 1, date: d('1999-12-11T16:00:00.000Z') }, { _id: 2 }], {
      _id: 0,
      utc: $.dateToString({ date: '$date', format: '%Y-%m-%d' }),
      shanghai: $.dateToString({ date: '$date', format: '%Y-%m-%d %H:%M:%S', timezone: 'Asia/Shanghai', onNull: '无' }),
    })).toEqual([{ utc: '1999-12-11', shanghai: '1999-12-12 00:00:00' }, { utc: null, shanghai: '无' }])
  })

  // dates { _id: 1, date: ISODate("2019-05-14T09:38:51.686Z") } → the parts; the isoWeek page shows { "isoWeek": 20 }.
  // week is %U (weeks start on Sunday, days before the first Sunday are week 0), which gives 19 here.
  it('year, month, dayOfMonth, dayOfWeek, dayOfYear, hour, minute, second, millisecond, week, isoWeek, isoWeekYear, isoDayOfWeek', async () => {
    expect(await projectOver([{ _id: 1, date }], {
      _id: 0, year: $.year('$date'), month: $.month('$date'), dayOfMonth: $.dayOfMonth('$date'), dayOfWeek: $.dayOfWeek('$date'),
      dayOfYear: $.dayOfYear('$date'), hour: $.hour('$date'), minute: $.minute('$date'), second: $.second('$date'),
      millisecond: $.millisecond('$date'), week: $.week('$date'), isoWeek: $.isoWeek('$date'), isoWeekYear: $.isoWeekYear('$date'),
      isoDayOfWeek: $.isoDayOfWeek('$date'),
    })).toEqual([{ year: 2019, month: 5, dayOfMonth: 14, dayOfWeek: 3, dayOfYear: 134, hour: 9, minute: 38, second: 51, millisecond: 686, week: 19, isoWeek: 20, isoWeekYear: 2019, isoDayOfWeek: 2 }])
  })

  // MongoDB's $week table (the rule the week page states): Jan 1 2016 → 0, 2016-01-04 → 1,
  // 1998-11-01T00:00:00Z → 44, and 43 in timezone "-0500"
  it('week follows the %U rule, with a timezone', async () => {
    expect(await projectOver([
      { _id: 1, date: d('2016-01-01T00:00:00Z') }, { _id: 2, date: d('2016-01-04T00:00:00Z') }, { _id: 3, date: d('1998-11-01T00:00:00Z') },
    ], { _id: 0, week: $.week('$date'), west: $.week({ date: '$date', timezone: '-0500' }) }))
      .toEqual([{ week: 0, west: 52 }, { week: 1, west: 1 }, { week: 44, west: 43 }])
  })
})

describe('literal, object and set operators', () => {
  // literal: { price: $.literal('$1') } keeps the string '$1' instead of reading a field
  it('literal', async () => {
    expect(await projectOver([{ _id: 1 }], { price: $.literal('$1'), condition: $.literal({ $add: [1, 2] }) }))
      .toEqual([{ _id: 1, price: '$1', condition: { $add: [1, 2] } }])
  })

  // mergeObjects: later fields win
  it('mergeObjects', async () => {
    expect(await projectOver([{ _id: 1, a: { x: 1, y: 1 }, b: { y: 2, z: 3 } }], { merged: $.mergeObjects(['$a', '$b']) }))
      .toEqual([{ _id: 1, merged: { x: 1, y: 2, z: 3 } }])
  })

  it('allElementsTrue, anyElementTrue, setDifference, setEquals, setIntersection, setIsSubset, setUnion', async () => {
    expect(await projectOver([{ _id: 1, a: [1, 2, 3], b: [2, 3, 4], flags: [true, 0] }], {
      all: $.allElementsTrue(['$flags']), any: $.anyElementTrue(['$flags']),
      diff: $.setDifference(['$a', '$b']), eq: $.setEquals(['$a', [3, 2, 1]]), inter: $.setIntersection(['$a', '$b']),
      subset: $.setIsSubset([[1, 2], '$a']), union: $.setUnion(['$a', '$b']),
    })).toEqual([{ _id: 1, all: false, any: true, diff: [1], eq: true, inter: [2, 3], subset: true, union: [1, 2, 3, 4] }])
  })
})

describe('string operators', () => {
  it('concat, toLower, toUpper, split, strcasecmp', async () => {
    expect(await projectOver([{ _id: 1, first: 'Yuanxin', last: 'Dong', csv: 'a,b,c' }], {
      full: $.concat(['$first', ' ', '$last']), lower: $.toLower('$first'), upper: $.toUpper('$last'), parts: $.split(['$csv', ',']),
      cmp: $.strcasecmp(['$first', 'yuanxin']),
    })).toEqual([{ _id: 1, full: 'Yuanxin Dong', lower: 'yuanxin', upper: 'DONG', parts: ['a', 'b', 'c'], cmp: 0 }])
  })

  // strLenBytes counts UTF-8 bytes, strLenCP code points: '我' is 3 bytes, 1 code point
  it('strLenBytes and strLenCP, indexOfBytes and indexOfCP, substrBytes and substrCP on Chinese text', async () => {
    expect(await projectOver([{ _id: 1, name: '你好abc' }], {
      bytes: $.strLenBytes('$name'), cps: $.strLenCP('$name'),
      atBytes: $.indexOfBytes(['$name', 'a']), atCP: $.indexOfCP(['$name', 'a']),
      subBytes: $.substrBytes(['$name', 0, 3]), subCP: $.substrCP(['$name', 0, 1]), sub: $.substr(['$name', 6, 2]),
    })).toEqual([{ _id: 1, bytes: 9, cps: 5, atBytes: 6, atCP: 2, subBytes: '你', subCP: '你', sub: 'ab' }])
  })
})

describe('accumulators and variables', () => {
  // group accumulators: sum, avg, min, max, first, last, push, addToSet (also in db-conformance),
  // stdDevPop / stdDevSamp: scores 60, 80, 100 → population 16.33, sample 20
  it('stdDevPop and stdDevSamp in group', async () => {
    await items().where({ _id: _.exists(true) }).remove()
    await items().add({ data: [{ _id: 1, group: 'a', score: 60 }, { _id: 2, group: 'a', score: 80 }, { _id: 3, group: 'a', score: 100 }] })
    const res = await items().aggregate().group({ _id: '$group', pop: $.stdDevPop('$score'), samp: $.stdDevSamp('$score') }).end()
    expect(res.list[0].pop).toBeCloseTo(16.3299, 3)
    expect(res.list[0].samp).toBe(20)
  })

  // sum of an array in project: { scores: [1, 2, 3] } → 6; avg, max, min likewise
  it('sum, avg, max and min over an array in project', async () => {
    expect(await projectOver([{ _id: 1, scores: [1, 2, 3] }], { sum: $.sum('$scores'), avg: $.avg('$scores'), max: $.max('$scores'), min: $.min('$scores') }))
      .toEqual([{ _id: 1, sum: 6, avg: 2, max: 3, min: 1 }])
  })

  // let: vars { total: price + tax } in total * discount
  it('let', async () => {
    expect(await projectOver([{ _id: 1, price: 10, tax: 2, discount: 0.5 }], {
      final: $.let({ vars: { total: $.add(['$price', '$tax']) }, in: $.multiply(['$$total', '$discount']) }),
    })).toEqual([{ _id: 1, final: 6 }])
  })
})
