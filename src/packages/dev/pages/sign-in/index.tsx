import { PageShell } from '@/components/page-shell/PageShell'
import { NavCell } from '@/components/common/NavCell'
import { PersonaPicker } from '@/dev/PersonaPicker'

/** Local (h5) build only — app.config.ts lists this subpackage only when TARO_ENV is h5. */
export default function DevSignInPage() {
  return (
    <PageShell>
      <PersonaPicker intro='选一个身份，小程序会以这个身份重新打开。' />
      <NavCell title='演示工具' hint='放出今天的匿名意见' url='/packages/dev/pages/panel/index' />
    </PageShell>
  )
}
