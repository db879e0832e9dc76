import { savedFileName } from '../../src/services/file-types'

describe('savedFileName', () => {
  it('keeps a proper Chinese name as the function gave it', () => {
    expect(savedFileName('2026年慰问台帐.xlsx')).toBe('2026年慰问台帐.xlsx')
  })

  it('never makes a path: folders, reserved and control characters become _', () => {
    expect(savedFileName('../../etc/名册:1?.xlsx')).toBe('_.._etc_名册_1_.xlsx')
    expect(savedFileName('a\u0000b\nc.docx')).toBe('a_b_c.docx')
  })

  it('shortens a very long name but keeps its extension', () => {
    const name = savedFileName(`${'公示'.repeat(100)}.pdf`)
    expect([...name.slice(0, -4)]).toHaveLength(80)
    expect(name.endsWith('.pdf')).toBe(true)
  })

  it('falls back to a plain name when nothing is left', () => {
    expect(savedFileName('...')).toBe('file')
    expect(savedFileName('.xlsx')).toBe('file.xlsx')
  })
})
