import { PageShell } from '@/components/page-shell/PageShell'
import { PersonaPicker } from '@/dev/PersonaPicker'

/** Local (h5) build only — app.config.ts lists this subpackage only when TARO_ENV is h5. */
export default function DevSignInPage() {
  return (
    <PageShell>
      <PersonaPicker intro='选一个身份，小程序会以这个身份重新打开。' />
    </PageShell>
  )
}
