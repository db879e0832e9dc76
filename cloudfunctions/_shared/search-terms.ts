/**
 * Substring search that an index can answer, on the real cloud database and here alike.
 *
 * A searchable document stores `searchTerms`: every 2-character window of its text (Chinese has
 * no spaces, and a person types any part of a title: 体检, 三八节, 工会经费) plus every Latin/digit
 * word, lower-cased. A query of 2+ characters becomes its own windows; a document matches when it
 * holds all of them (`searchTerms: _.all(terms)` on a multikey index). Windows can match text that
 * does not contain the query as a whole ("工会会工" holds 工会 and 会工), so the function keeps only
 * results whose text really contains it — a small final filter over an indexed candidate set.
 */

/** Characters compared case-insensitively and without surrounding space. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Index terms of `texts` (e.g. a title and a place): unique, at most `max` (a 60-character title gives ~60). */
export function searchTerms(texts: string[], max = 400): string[] {
  const terms = new Set<string>()
  for (const raw of texts) {
    for (const run of normalise(raw).split(/[\s\p{P}\p{S}]+/u)) {
      const chars = Array.from(run)
      if (chars.length === 1) terms.add(run)
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1])
      for (const word of run.match(/[a-z0-9]+/g) ?? []) terms.add(word)
    }
  }
  return [...terms].slice(0, max)
}

/**
 * The terms a query must all match, or null when the query is too short to search by index
 * (a single character: the caller says "请至少输入两个字").
 */
export function queryTerms(query: string): string[] | null {
  const runs = normalise(query).split(/[\s\p{P}\p{S}]+/u).filter(Boolean)
  const terms = new Set<string>()
  for (const run of runs) {
    const chars = Array.from(run)
    if (chars.length < 2) continue
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1])
  }
  return terms.size ? [...terms].slice(0, 20) : null
}

/** The final filter: every space-separated part of the query appears in one of the texts. */
export function matchesQuery(texts: string[], query: string): boolean {
  const hay = normalise(texts.join('\n'))
  return normalise(query).split(/\s+/).filter(Boolean).every((part) => hay.includes(part))
}
