/**
 * The collection and index manifest (cloudfunctions/_database/collections.json): the local cloud
 * creates exactly these collections and indexes, and refuses any other collection, as the cloud
 * does. The same file is the checklist for the production console.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface IndexSpec {
  name: string
  keys: Array<[string, 1 | -1]>
  unique?: boolean
}

export interface CollectionSpec {
  about?: string
  indexes: IndexSpec[]
}

export type Manifest = Map<string, CollectionSpec>

export const MANIFEST_PATH = path.resolve(__dirname, '../../cloudfunctions/_database/collections.json')
const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,50}$/
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/

export function loadManifest(file = MANIFEST_PATH): Manifest {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  const manifest: Manifest = new Map()
  for (const [name, spec] of Object.entries<any>(raw.collections ?? {})) {
    if (!COLLECTION_NAME.test(name)) throw new Error(`manifest: bad collection name ${name}`)
    const indexes: IndexSpec[] = (spec.indexes ?? []).map((ix: any) => {
      if (!Array.isArray(ix.keys) || ix.keys.length === 0) throw new Error(`manifest: ${name}.${ix.name} has no keys`)
      for (const [field, dir] of ix.keys) {
        if (!FIELD_PATH.test(field) || (dir !== 1 && dir !== -1)) throw new Error(`manifest: ${name}.${ix.name} bad key ${field}`)
      }
      return { name: String(ix.name), keys: ix.keys, unique: Boolean(ix.unique) }
    })
    manifest.set(name, { about: spec.about, indexes })
  }
  return manifest
}

/** Every field path that leads some index of the collection (candidates for SQL pushdown). */
export function indexedPaths(spec: CollectionSpec): Set<string> {
  const out = new Set<string>()
  for (const ix of spec.indexes) for (const [field] of ix.keys) out.add(field)
  return out
}
