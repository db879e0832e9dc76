/**
 * Never a silent empty match. wx-server-sdk 4.0.2 sends some commands in a form with no documented
 * meaning: a command it cannot encode becomes `{}` (`_.not(_.or([...]))`), and a chained command
 * inside `_.elemMatch`, `_.pull` or a value becomes its internal object `{ operator, operands,
 * fieldName }`. A database would match nothing (or store the object) and answer ok. Here, before
 * anything is read or written:
 *   1. an internal command whose meaning is clear is translated — `{operator: 'gt', operands: [80]}`
 *      → `{$gt: 80}`, `and` of such → one operator object, `not` → `$not`;
 *   2. everything else — an empty condition, an unknown `$` operator, a command where MongoDB takes
 *      a value (`$in`, `$all`, stored data), `or`/`nor` where no field-level form exists — is refused
 *      with InvalidParameter naming the field and the operator.
 */
import { invalidParam } from './errors'
import type { Doc } from './values'

/** Field-level query operators MongoDB understands (the documented commands plus $regex/$type). */
const FIELD_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$all', '$elemMatch', '$exists', '$size', '$mod', '$not', '$regex', '$options', '$type'])
const LOGIC = new Set(['$and', '$or', '$nor'])
const NOT_SIMULATED: Record<string, string> = {
  $nearSphere: 'geo queries (_.geoNear)', $near: 'geo queries', $geoWithin: 'geo queries (_.geoWithin)', $geoIntersects: 'geo queries (_.geoIntersects)',
  $text: 'text search (_.text)', $search: 'text search (_.text)', $jsonSchema: 'JSON schema queries (_.jsonSchema)', $where: '$where',
}
/** The SDK's internal operator names (operator-map.js) that stand for one MongoDB operator. */
const INTERNAL: Record<string, string> = {
  eq: '$eq', neq: '$ne', gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte', in: '$in', nin: '$nin', all: '$all',
  elemMatch: '$elemMatch', exists: '$exists', size: '$size', mod: '$mod',
}
/** Internal commands whose operands are the list itself (the SDK encodes them from `operands`, not `operands[0]`). */
const LIST_OPERANDS = new Set(['in', 'nin', 'all'])
const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pop', '$pull', '$pullAll', '$addToSet', '$bit'])
const PUSH_MODIFIERS = new Set(['$each', '$position', '$sort', '$slice'])

function isPlain(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp)
}

/** `{ operator, operands, fieldName }` and nothing else: what the SDK's command classes serialise to. */
function isInternal(value: unknown): value is { operator: string; operands: unknown[] } {
  if (!isPlain(value) || typeof value.operator !== 'string' || !Array.isArray(value.operands)) return false
  return Object.keys(value).every((k) => k === 'operator' || k === 'operands' || k === 'fieldName')
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key)
const field = (path: string) => `field "${path || '(top level)'}"`

/** The query with every interpretable internal command translated; throws for the rest. */
export function interpretQuery(query: Doc | undefined): Doc | undefined {
  return query === undefined ? undefined : topLevel(query, '')
}

/**
 * field(): `_.project.elemMatch({ area: _.gt(100) })` reaches the endpoint with the inner command in
 * its internal form (the SDK stringifies the projection without encoding it), so its condition is
 * interpreted like a query.
 */
export function interpretProjection(projection: Doc | undefined): Doc | undefined {
  if (!projection) return projection
  const out: Doc = {}
  for (const [path, v] of Object.entries(projection)) out[path] = isPlain(v) && '$elemMatch' in v ? { $elemMatch: elemMatch(path, v.$elemMatch) } : v
  return out
}

/** The documented stages, and the SDK's undocumented ones the evaluator runs as MongoDB would. */
const STAGES = new Set(['$addFields', '$bucket', '$bucketAuto', '$count', '$group', '$limit', '$lookup', '$match', '$project', '$replaceRoot',
  '$sample', '$skip', '$sort', '$sortByCount', '$unwind', '$facet', '$graphLookup', '$redact'])
const STAGES_NOT_SIMULATED = new Set(['$geoNear', '$collStats', '$indexStats', '$out'])

/** An aggregate pipeline with its stages checked and each `$match` interpreted like a query. */
export function interpretPipeline(pipeline: Doc[]): Doc[] {
  return pipeline.map((stage) => {
    const name = Object.keys(stage)[0]
    if (STAGES_NOT_SIMULATED.has(name)) throw invalidParam(`aggregate stage ${name} is not simulated by the local cloud`)
    if (!STAGES.has(name)) throw invalidParam(`unknown aggregate stage ${name}`)
    return stage.$match ? { ...stage, $match: topLevel(stage.$match, '') } : stage
  })
}

function topLevel(query: unknown, prefix: string): Doc {
  if (!isPlain(query)) throw invalidParam(`query on ${field(prefix)}: expected an object of conditions`)
  const out: Doc = {}
  for (const [key, value] of Object.entries(query)) {
    if (LOGIC.has(key)) {
      if (!Array.isArray(value)) throw invalidParam(`query on ${field(prefix)}: ${key} takes an array of conditions`)
      out[key] = value.map((q) => topLevel(q, prefix))
    } else if (key === '$expr' && !prefix) {
      out[key] = value
    } else if (key.startsWith('$')) {
      throw unknownQueryOperator(prefix, key)
    } else {
      const path = join(prefix, key)
      const dollar = key.split('.').find((part) => part.startsWith('$'))
      if (dollar) throw unknownQueryOperator(path, dollar)
      out[key] = condition(path, value)
    }
  }
  return out
}

/** The condition on one field: a value it must equal, or an object of operators. */
function condition(path: string, value: unknown): unknown {
  if (isInternal(value)) return operators(path, translate(path, value))
  if (!isPlain(value)) return literal(path, value, 'an equality value')
  const keys = Object.keys(value)
  if (keys.length === 0) throw emptyCondition(path, 'the condition')
  return keys.some((k) => k.startsWith('$')) ? operators(path, value) : literal(path, value, 'an equality value')
}

function operators(path: string, ops: Doc): Doc {
  const out: Doc = {}
  for (const [op, arg] of Object.entries(ops)) {
    if (!op.startsWith('$')) throw invalidParam(`query on ${field(path)}: "${op}" is mixed with operators; MongoDB reads this as an unknown operator`)
    if (!FIELD_OPERATORS.has(op)) throw unknownQueryOperator(path, op)
    out[op] = operand(path, op, arg)
  }
  return out
}

function operand(path: string, op: string, arg: unknown): unknown {
  switch (op) {
    case '$not':
      if (arg instanceof RegExp) return arg
      if (isInternal(arg)) return operators(path, translate(path, arg))
      if (!isPlain(arg) || Object.keys(arg).length === 0) throw emptyCondition(path, '_.not(...) ($not)')
      return operators(path, arg)
    case '$elemMatch':
      return elemMatch(path, arg)
    case '$all':
      if (!Array.isArray(arg)) throw invalidParam(`query on ${field(path)}: $all takes an array`)
      return arg.map((el) => allElement(path, el))
    case '$in':
    case '$nin':
      if (!Array.isArray(arg)) throw invalidParam(`query on ${field(path)}: ${op} takes an array`)
      return arg.map((el) => literal(path, el, op))
    default:
      return literal(path, arg, op)
  }
}

/** `_.elemMatch(...)`: operators on each element (an array of scalars) or a query on each element document. */
function elemMatch(path: string, arg: unknown): Doc {
  if (isInternal(arg)) return operators(path, translate(path, arg))
  if (!isPlain(arg) || Object.keys(arg).length === 0) throw emptyCondition(path, '_.elemMatch(...) ($elemMatch)')
  const keys = Object.keys(arg)
  const onElements = keys.every((k) => k.startsWith('$')) && !keys.some((k) => LOGIC.has(k))
  return onElements ? operators(path, arg) : topLevel(arg, path)
}

/** MongoDB: "no $ expressions in $all" — except `$elemMatch`. */
function allElement(path: string, el: unknown): unknown {
  const ops = isInternal(el) ? translate(path, el) : el
  if (!isPlain(ops) || !Object.keys(ops).some((k) => k.startsWith('$'))) return literal(path, el, '$all')
  const keys = Object.keys(ops)
  if (keys.length === 1 && keys[0] === '$elemMatch') return { $elemMatch: elemMatch(path, ops.$elemMatch) }
  throw invalidParam(`query on ${field(path)}: _.all([...]) ($all) takes values or _.elemMatch(...), not ${keys.find((k) => k.startsWith('$'))}`)
}

/** The MongoDB operator object an internal command stands for. */
function translate(path: string, cmd: { operator: string; operands: unknown[] }): Doc {
  const name = cmd.operator
  if (name === 'and') {
    const merged: Doc = {}
    for (const part of cmd.operands) {
      if (!isInternal(part)) throw invalidParam(`query on ${field(path)}: a chained command (and) whose parts are not commands`)
      for (const [op, v] of Object.entries(translate(path, part))) {
        if (op in merged) throw invalidParam(`query on ${field(path)}: ${op} appears twice in one chained command; combine the bounds into one`)
        merged[op] = v
      }
    }
    return merged
  }
  if (name === 'not') {
    const inner = cmd.operands[0]
    if (inner instanceof RegExp) return { $not: inner }
    if (isInternal(inner)) return { $not: translate(path, inner) }
    throw emptyCondition(path, '_.not(...) ($not)')
  }
  const mongo = INTERNAL[name]
  if (!mongo) {
    throw invalidParam(`query on ${field(path)}: the command "${name}" reached the database in the SDK's internal form {operator, operands, fieldName}, `
      + `which has no field-level meaning here (e.g. _.or inside _.elemMatch or _.pull); write the condition without it`)
  }
  return { [mongo]: LIST_OPERANDS.has(name) ? cmd.operands : cmd.operands[0] }
}

/** A value compared as-is: no command may hide inside it. */
function literal(path: string, value: unknown, where: string): unknown {
  if (isInternal(value)) throw invalidParam(`query on ${field(path)}: the command "${value.operator}" is inside ${where}, where MongoDB takes a value`)
  if (Array.isArray(value)) value.forEach((v) => literal(path, v, where))
  else if (isPlain(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$')) throw invalidParam(`query on ${field(path)}: cannot nest ${k} under ${where}`)
      literal(path, v, where)
    }
  }
  return value
}

function emptyCondition(path: string, what: string): Error {
  return invalidParam(`query on ${field(path)}: ${what} is an empty object {}. wx-server-sdk sends {} when it cannot encode a command `
    + `(for example _.not(_.or([...])) or _.not of a chained command), and a database would silently match nothing; `
    + `write it another way (e.g. _.nor([...]) at the top level, or _.and of the negated parts)`)
}

function unknownQueryOperator(path: string, op: string): Error {
  if (NOT_SIMULATED[op]) return invalidParam(`query on ${field(path)}: ${NOT_SIMULATED[op]} (${op}) are not simulated by the local cloud`)
  return invalidParam(`query on ${field(path)}: unknown query operator ${op}`)
}

/** Update operators checked, `_.pull` conditions interpreted like queries, data checked storable. */
export function interpretUpdate(update: Doc): Doc {
  if (!Object.keys(update).some((k) => k.startsWith('$'))) {
    storable(update, '')
    return update
  }
  const out: Doc = {}
  for (const [op, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(op) || !isPlain(fields)) {
      throw invalidParam(`update of field "${isPlain(fields) ? Object.keys(fields).join('", "') : ''}": unknown update operator ${op}`)
    }
    const next: Doc = {}
    for (const [path, value] of Object.entries(fields)) next[path] = updateValue(op, path, value)
    out[op] = next
  }
  return out
}

function updateValue(op: string, path: string, value: unknown): unknown {
  if (op === '$pull') return isPlain(value) && !isInternal(value) && !Object.keys(value).some((k) => k.startsWith('$')) && Object.keys(value).length
    ? topLevel(value, path)
    : condition(path, value)
  if ((op === '$push' || op === '$addToSet') && isPlain(value) && Object.keys(value).some((k) => PUSH_MODIFIERS.has(k))) {
    for (const [k, v] of Object.entries(value)) {
      if (!PUSH_MODIFIERS.has(k)) throw invalidParam(`update of field "${path}": unknown ${op} modifier ${k}`)
      storable(v, path)
    }
    return value
  }
  storable(value, path)
  return value
}

/** Data as it will be stored: no command left unapplied inside it, no field name starting with $ (MongoDB refuses those). */
export function storable(value: unknown, path: string): void {
  if (isInternal(value)) {
    throw invalidParam(`field "${path}": the update command "${value.operator}" is inside a value (in _.set({...}), an array, or add/set data), `
      + `where the SDK sends it unapplied as {operator, operands, fieldName}; write it on a dotted path instead, e.g. data: { 'a.b': _.inc(1) }`)
  }
  if (Array.isArray(value)) value.forEach((v, i) => storable(v, join(path, String(i))))
  else if (isPlain(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$')) throw invalidParam(`field "${path || k}": ${k} is not valid for storage — a field name cannot start with $ (is a query command such as _.gt in the data?)`)
      storable(v, join(path, k))
    }
  }
}
