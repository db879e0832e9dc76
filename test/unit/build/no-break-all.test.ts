/**
 * No style may let a time or a date split mid-token ("晚餐 1⏎7:10", "202⏎6-12-22" — an older teacher
 * misreads it): `word-break: break-all` and `line-break: anywhere` are banned from every stylesheet of
 * the app. Long unbroken text wraps with `overflow-wrap: break-word` (or `anywhere` for a code that is
 * one long token), which breaks inside a word only when nothing else fits. The browser test measures
 * the main pages; this covers every page, including ones no browser test opens.
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../../../src')

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? stylesheets(p) : /\.(s?css|less)$/.test(e.name) ? [p] : []
  })
}

it('no stylesheet under src/ uses word-break: break-all or line-break: anywhere', () => {
  const offending = stylesheets(root).flatMap((file) =>
    fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
      /^\s*\/\//.test(line) || !/word-break:\s*break-all|line-break:\s*anywhere/.test(line) ? [] : [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`]))
  expect(offending).toEqual([])
})
