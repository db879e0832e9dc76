/**
 * What a person sees of sizes on an h5 page: every visible text's font size and every tappable
 * element's box, read from the browser (computed styles and layout), for the size checks.
 */
import type { Page } from 'playwright-core'

export interface TextSize { text: string; size: number; selector: string }
export interface TapBox { text: string; width: number; height: number; selector: string }

/** Font sizes (CSS px) of visible text nodes, one entry per element that holds text directly. */
export function textSizes(page: Page): Promise<TextSize[]> {
  return page.evaluate(() => {
    const out: Array<{ text: string; size: number; selector: string }> = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      const text = (n.textContent ?? '').trim()
      if (!el || !text || seen.has(el)) continue
      seen.add(el)
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue
      if (r.bottom < 0 || r.top > innerHeight) continue
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean).slice(0, 2).join('.') : ''
      out.push({ text: text.slice(0, 30), size: parseFloat(style.fontSize), selector: `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}` })
    }
    return out
  })
}

/** Boxes of visible tappable elements: buttons, chips, tab items, links and anything with a click role. */
export function tapBoxes(page: Page, selector = 'button, taro-button-core, .app-button, .chip, .choice__item, .weui-tabbar__item, .taro-navigation-bar-back, .segmented__item, .nav-cell, [role="tab"], .link'): Promise<TapBox[]> {
  return page.evaluate((sel) => {
    return Array.from(document.querySelectorAll(sel)).flatMap((el) => {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') return []
      if (r.bottom < 0 || r.top > innerHeight) return []
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean).slice(0, 2).join('.') : ''
      return [{ text: (el.textContent ?? '').trim().slice(0, 20), width: Math.round(r.width), height: Math.round(r.height), selector: `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}` }]
    })
  }, selector)
}

/** Visible text elements whose computed word-break is break-all (times and dates would split mid-token). */
export function breakAllTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      const text = (n.textContent ?? '').trim()
      if (!el || !text) continue
      const style = getComputedStyle(el)
      if (style.wordBreak === 'break-all' || style.lineBreak === 'anywhere') out.push(`${text.slice(0, 30)} (${el.className || el.tagName})`)
    }
    return [...new Set(out)]
  })
}
