/**
 * Cold start (#13.4): the notice function's bundle loads without docx or exceljs — they are
 * imported inside exportFiling / exportLedger only, so every other action's first call does not
 * pay for them. Checked on the built bundle, in a fresh Node process, by recording every module
 * it requires while it loads.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'

const bundle = path.resolve(__dirname, '../../build/cloudfunctions/notice/index.js')

function modulesLoadedBy(file: string): string[] {
  const probe = `
    const Module = require('module')
    const seen = []
    const load = Module._load
    Module._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest) }
    process.on('unhandledRejection', () => {})
    require(${JSON.stringify(file)})
    process.stdout.write(JSON.stringify(seen))
    process.exit(0)
  `
  const out = execFileSync(process.execPath, ['-e', probe], { env: { ...process.env, SILENCE: 'true' }, encoding: 'utf8', timeout: 60_000 })
  return JSON.parse(out) as string[]
}

it('loads without docx or exceljs (they load in the export actions only)', () => {
  const loaded = modulesLoadedBy(bundle)
  expect(loaded).toContain('wx-server-sdk')
  expect(loaded.filter((m) => /^(docx|exceljs)(\/|$)/.test(m))).toEqual([])
})
