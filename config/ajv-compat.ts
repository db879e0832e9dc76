import Module from 'node:module'
import path from 'node:path'

/**
 * Workaround for the shared lockfile, not for our code: it hoists ajv-keywords@5 (needs ajv 8)
 * next to ajv@6, so terser-webpack-plugin → schema-utils@4 → ajv-keywords fails with
 * "Cannot find module 'ajv/dist/compile/codegen'" and no build starts. When (and only when)
 * the hoisted ajv is 6, requests for `ajv` made from ajv-keywords are sent to the ajv 8 that
 * schema-utils already ships. Remove once package.json lists ajv@^8 (then this is a no-op).
 */
const root = path.resolve(__dirname, '..', 'node_modules')

function version(pkgDir: string): string | undefined {
  try {
    return (require(path.join(pkgDir, 'package.json')) as { version: string }).version
  } catch {
    return undefined
  }
}

const hoisted = version(path.join(root, 'ajv'))
const ajv8Dir = path.join(root, 'schema-utils', 'node_modules', 'ajv')
if (hoisted?.startsWith('6.') && version(ajv8Dir)?.startsWith('8.')) {
  const mod = Module as unknown as { _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string }
  const original = mod._resolveFilename
  mod._resolveFilename = function (request, parent, ...rest) {
    const fromKeywords = parent?.filename?.includes(`${path.sep}ajv-keywords${path.sep}`)
    if (fromKeywords && (request === 'ajv' || request.startsWith('ajv/'))) {
      request = ajv8Dir + request.slice('ajv'.length)
    }
    return original.call(this, request, parent, ...rest)
  }
}
