/** Local (h5) build and tests: there is no WeChat chat to share an invite card to. */
export function InviteShareButton(_props: { code: string }) {
  return null
}
