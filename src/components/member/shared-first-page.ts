import type { Page } from '@/hooks/usePagedList'

/**
 * Two paged lists whose first pages come from ONE call (e.g. 入会审核: applications and, for the chair,
 * 资料变更申请 — member.queue with `withChanges`). When the first list loads its first page, the answer
 * is offered to the second list until the current task ends: the two reload together (on opening, on
 * pull-down refresh) and share it; when only one reloads (after an approval or a decision) the other
 * is left alone, and a lone reload of the second list asks for the pair again. Later pages are each
 * list's own calls.
 */
export function sharedFirstPage<B, T, U>(opts: {
  both: () => Promise<B>
  first: { of: (b: B) => Page<T>; more: (page: number) => Promise<Page<T>> }
  second: { of: (b: B) => Page<U>; more: (page: number) => Promise<Page<U>> }
}): { first: (page: number) => Promise<Page<T>>; second: (page: number) => Promise<Page<U>> } {
  let offered: Promise<B> | null = null
  return {
    first(page) {
      if (page > 1) return opts.first.more(page)
      const asked = opts.both()
      offered = asked
      void Promise.resolve().then(() => { if (offered === asked) offered = null })
      return asked.then(opts.first.of)
    },
    second(page) {
      if (page > 1) return opts.second.more(page)
      const asked = offered ?? opts.both()
      offered = null
      return asked.then(opts.second.of)
    },
  }
}
