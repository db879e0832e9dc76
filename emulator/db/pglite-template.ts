/**
 * A new PGlite data folder starts as a copy of a pre-initialised one. Initialising a cluster
 * (PGlite's initdb) costs ~10 s and ~700 MB on this machine — 40 s under load — and every fresh
 * local cloud (each browser test file, each durability test, the test run's cloud) paid it; a
 * copy of the 39 MB result and an ordinary open take a few seconds and a fraction of the memory.
 * The template is made once per installed PGlite version, in node_modules/.cache, by whichever
 * process needs it first (made aside and renamed into place, so racing processes never see half).
 */
import fs from 'node:fs'
import path from 'node:path'

type CreatePglite = (dataDir: string) => Promise<{ close(): Promise<void> }>

const root = path.resolve(__dirname, '../..')

function templateDir(): string {
  // (the package's exports hide its package.json from require.resolve)
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
  return path.join(root, 'node_modules/.cache/jgzj-pglite-template', pkg.version)
}

/** A cluster already lives in `dataDir` (PostgreSQL writes PG_VERSION at initdb). */
const initialised = (dataDir: string) => fs.existsSync(path.join(dataDir, 'PG_VERSION'))

/** Fills an empty `dataDir` from the template (making the template first if needed). */
export async function seedFromTemplate(dataDir: string, create: CreatePglite): Promise<void> {
  if (initialised(dataDir) || process.env.LOCAL_CLOUD_PGLITE_FRESH) return
  const template = templateDir()
  if (!initialised(template)) {
    const aside = `${template}.${process.pid}-${Date.now()}`
    fs.mkdirSync(aside, { recursive: true })
    const db = await create(aside)
    await db.close()
    try {
      fs.renameSync(aside, template)
    } catch {
      // Another process put its template in place first: theirs is as good as ours.
      fs.rmSync(aside, { recursive: true, force: true })
    }
  }
  if (!fs.readdirSync(dataDir).length) fs.cpSync(template, dataDir, { recursive: true })
}
