/**
 * Name search by index (cloudfunctions/_shared/search-terms.ts): a member's `searchTerms` hold the
 * 2-character windows of the name plus each single character, because a surname alone (张) is what
 * people type most. Kept on every write that sets a name (profileFields, change approval, setup).
 */
import { matchesQuery, queryTerms, searchTerms } from './search-terms'

export function nameTerms(name: string): string[] {
  const chars = Array.from(name.normalize('NFKC').toLowerCase()).filter((c) => c.trim())
  return [...new Set([...searchTerms([name]), ...chars])]
}

/** The terms a directory keyword must all match: one character is searched as itself. */
export function keywordTerms(keyword: string): string[] {
  const k = keyword.normalize('NFKC').toLowerCase().trim()
  if (Array.from(k).length === 1) return [k]
  return queryTerms(k) ?? Array.from(k).filter((c) => c.trim())
}

/** The final filter over the indexed candidates (windows can match text that lacks the whole keyword). */
export function nameMatches(name: string, keyword: string): boolean {
  return matchesQuery([name], keyword)
}
