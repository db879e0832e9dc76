import { NavCell } from '@/components/common/NavCell'

/** Local (h5) build only: today's anonymous opinions arrive tomorrow — the dev panel releases them now. */
export function DemoBatchLink() {
  return <NavCell title='本地演示：立即放出今天的匿名意见' hint='演示工具' url='/packages/dev/pages/panel/index' />
}
