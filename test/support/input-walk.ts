/**
 * Walks an action's input schema (zod/mini introspection) and produces inputs that trip every
 * field: each one missing, of the wrong type, too long, too big, not one of the choices — nested
 * objects and array items included. Used by the input-message test to read every BAD_INPUT
 * message a person could ever see.
 */
type Def = { type: string; [k: string]: any }
const defOf = (schema: any): Def => schema._zod.def

/** Peels optional/default/nullable/pipe wrappers down to the shape that takes the value. */
function core(schema: any): any {
  let s = schema
  for (let i = 0; i < 20; i++) {
    const d = defOf(s)
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly' || d.type === 'prefault' || d.type === 'catch') s = d.innerType
    else if (d.type === 'pipe') s = d.in
    else if (d.type === 'lazy') s = d.getter()
    else return s
  }
  return s
}

/** Values of the wrong kind for a schema (each should fail it). */
function badValuesFor(schema: any): unknown[] {
  const d = defOf(core(schema))
  switch (d.type) {
    case 'string':
      return [12345, 'x'.repeat(100_001), '']
    case 'number':
    case 'int':
    case 'bigint':
      return ['abc', 1e20, -1e20, 0.5]
    case 'boolean':
      return ['是']
    case 'enum':
    case 'literal':
      return ['这不是选项', 42]
    case 'array':
      return ['x', new Array(1001).fill(null), [undefined]]
    case 'object':
      return ['x', {}]
    case 'union':
      return [{}, 'x', 42]
    case 'record':
      return ['x', { '': 'x' }]
    default:
      return ['x']
  }
}

/** Objects reachable in the schema (the root, nested objects, array items, union options). */
function objectsIn(schema: any, depth = 0): any[] {
  if (depth > 6) return []
  const s = core(schema)
  const d = defOf(s)
  if (d.type === 'object') return [s, ...Object.values(d.shape).flatMap((f) => objectsIn(f, depth + 1))]
  if (d.type === 'array') return objectsIn(d.element, depth + 1)
  if (d.type === 'union') return (d.options as any[]).flatMap((o) => objectsIn(o, depth + 1))
  if (d.type === 'record') return objectsIn(d.valueType, depth + 1)
  return []
}

/** A value that passes nothing but has the right outer shape, so inner fields are reached. */
function skeleton(schema: any, depth = 0): unknown {
  const s = core(schema)
  const d = defOf(s)
  if (depth > 6) return undefined
  if (d.type === 'object') return Object.fromEntries(Object.entries(d.shape).map(([k, f]) => [k, skeleton(f, depth + 1)]))
  if (d.type === 'array') return [skeleton(d.element, depth + 1)]
  if (d.type === 'union') return skeleton(d.options[0], depth + 1)
  return undefined
}

/**
 * Inputs to parse: the empty object; for every field of every object in the schema, that field set
 * to each bad value inside an otherwise skeletal input; and union options' skeletons.
 */
export function trippingInputs(input: any): unknown[] {
  const out: unknown[] = [{}, skeleton(input)]
  const root = core(input)
  const rootDef = defOf(root)
  if (rootDef.type === 'union') for (const o of rootDef.options) out.push(skeleton(o))
  const roots = rootDef.type === 'union' ? rootDef.options.map(core) : [root]
  for (const r of roots) {
    if (defOf(r).type !== 'object') continue
    for (const [key, field] of Object.entries(defOf(r).shape)) {
      for (const bad of badValuesFor(field)) out.push({ ...(skeleton(r) as object), [key]: bad })
      // nested: each inner object's fields, reached through this field
      for (const inner of objectsIn(field)) {
        for (const [k2, f2] of Object.entries(defOf(inner).shape)) {
          for (const bad of badValuesFor(f2)) {
            const innerValue = { ...(skeleton(inner) as object), [k2]: bad }
            const fieldCore = defOf(core(field))
            out.push({ ...(skeleton(r) as object), [key]: fieldCore.type === 'array' ? [innerValue] : innerValue })
          }
        }
      }
    }
  }
  return out
}

/** Words a Chinese message may contain in Latin letters (file formats people know by name). */
export const ALLOWED_LATIN = ['Excel', 'CSV', 'Word', 'PDF', 'QR', 'ID', 'App', 'CloudID']

/** The Latin words in a message that are not on the allowed list (field keys leaking through). */
export function latinWords(message: string): string[] {
  return (message.match(/[A-Za-z][A-Za-z0-9_]+/g) ?? []).filter((w) => !ALLOWED_LATIN.includes(w))
}
