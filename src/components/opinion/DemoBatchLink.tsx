/** WeChat build: the daily batch comes by itself; there is no demo control (see DemoBatchLink.h5.tsx). */
export function DemoBatchLink() {
  return null
}
