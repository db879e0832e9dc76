import fs from 'node:fs'
import path from 'node:path'
import { colors } from '@/styles/tokens'

const scss = fs.readFileSync(path.join(__dirname, '../../src/styles/tokens.scss'), 'utf8')
const scssVar = (name: string) => new RegExp(`^\\$${name}:\\s*(#[0-9a-f]{3,8});`, 'mi').exec(scss)?.[1]

describe('design tokens', () => {
  it('the TS mirror (tabBar, switch colour) matches tokens.scss', () => {
    expect(colors.primary).toBe(scssVar('color-primary'))
    expect(colors.text).toBe(scssVar('color-text'))
    expect(colors.textSecondary).toBe(scssVar('color-text-secondary'))
    expect(colors.bg).toBe(scssVar('color-bg'))
    expect(colors.surface).toBe(scssVar('color-surface'))
  })

  it('关怀模式 makes every step of the type scale larger', () => {
    const sizes = (mixin: string) => {
      const body = new RegExp(`@mixin ${mixin} \\{([\\s\\S]*?)\\n\\}`).exec(scss)![1]
      return Object.fromEntries([...body.matchAll(/--font-(\w+):\s*(\d+)px/g)].map((m) => [m[1], Number(m[2])]))
    }
    const normal = sizes('tokens-normal')
    const care = sizes('tokens-care')
    expect(Object.keys(care).sort()).toEqual(Object.keys(normal).sort())
    for (const step of Object.keys(normal)) expect(care[step]).toBeGreaterThanOrEqual(normal[step] * 1.2)
  })
})
