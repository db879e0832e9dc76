/**
 * Waiting for what a test asserts, never for a fixed time. playwright-core has no web-first
 * `expect`, so these retry until the page shows what is expected (or time runs out, naming what
 * was last seen) — under load a page may take seconds to reload or re-render.
 *
 * Patterns to avoid in e2e files (each failed under load): `waitForTimeout(…)`; reading
 * `isVisible()` / `count()` / `textContent()` once right after a click or reload and asserting
 * on it; a 30 s default click timeout on a busy machine. Use `visible(…).waitFor()`,
 * `expectText`, `expectCount` and `eventually` instead.
 */
import type { Locator, Page } from 'playwright-core'

/** How long a retrying assertion waits (a loaded 2-core machine can take tens of seconds). */
export const PATIENCE_MS = Number(process.env.E2E_PATIENCE_MS ?? 60_000)

/** The first visible element matching `selector`. */
export const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`).first()

/** A visible button (Taro's <button> or our .app-button) whose whole text is `text`. */
export const button = (page: Page, text: string) => page.locator('button:visible, .app-button:visible', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).first()

/** Retries `read` until `check` holds for its value; answers that value. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = PATIENCE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  let lastError: unknown
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      last = await read()
      if (check(last)) return last
    } catch (err) {
      lastError = err
    }
    if (Date.now() > deadline) {
      const seen = lastError && last === undefined ? `error ${String(lastError)}` : JSON.stringify(last)?.slice(0, 300)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`)
    }
    await new Promise((resolve) => setTimeout(resolve, delay))
  }
}

/** Waits until the locator's text contains `expected` (or matches it). */
export function expectText(locator: Locator, expected: string | RegExp, what = String(expected)): Promise<string> {
  const ok = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text))
  return eventually(() => locator.innerText({ timeout: 1000 }), ok, `text ${what}`)
}

/** Waits until exactly `n` elements match. */
export function expectCount(locator: Locator, n: number, what = `${n} elements`): Promise<number> {
  return eventually(() => locator.count(), (c) => c === n, what)
}
