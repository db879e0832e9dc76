import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import type { OpinionCase } from '../../../../../types/opinion'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { CaseDetail } from '@/components/opinion/CaseDetail'
import { CaseActions } from '@/components/opinion/CaseActions'
import { ToProposal } from '@/components/congress/ToProposal'
import { useOpinionCase } from '@/hooks/useOpinions'
import '@/components/opinion/opinion.scss'

/** One item for its handler: the item, then what they may do with it now. */
export default function OpinionHandlePage() {
  const { params } = useRouter()
  const loaded = useOpinionCase(params.id)
  const [c, setC] = useState<OpinionCase | undefined>()
  useEffect(() => { if (loaded.data) setC(loaded.data) }, [loaded.data])
  if (loaded.error) return <PageShell><ErrorState message={loaded.error.message} onRetry={loaded.error.retryable ? loaded.reload : undefined} /></PageShell>
  if (!c) return <PageShell><LoadingState /></PageShell>
  return (
    <PageShell>
      <CaseDetail c={c} />
      <CaseActions key={`${c.state}-${c.replies.length}-${c.qaId ?? ''}`} c={c} onChange={setC} />
      <ToProposal c={c} />
    </PageShell>
  )
}
