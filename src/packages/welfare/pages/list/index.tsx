import { useState } from 'react'
import { PageShell } from '@/components/page-shell/PageShell'
import { FilterChips } from '@/components/common/FilterChips'
import { ListBody } from '@/components/common/ListBody'
import { WelfareItem } from '@/components/welfare/WelfareItem'
import { useWelfareVisits } from '@/hooks/useWelfareVisits'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { todayShanghai } from '@/utils/time'

/** 慰问记录 by year (committee and chair; the function refuses anyone else with a Chinese message). */
export default function WelfareListPage() {
  const thisYear = Number(todayShanghai().slice(0, 4))
  const earlier = [String(thisYear - 1), String(thisYear - 2)]
  const [year, setYear] = useState<string | undefined>(undefined)
  const visits = useWelfareVisits(year ? Number(year) : undefined)
  usePageRefresh([visits.reload], visits.loadMore)
  const shownYear = year ?? String(thisYear)

  return (
    <PageShell>
      <FilterChips options={earlier} value={year} onChange={setYear} allLabel={`${thisYear}年`} />
      <ListBody
        list={visits}
        loadingText='正在加载慰问记录…'
        empty={{ title: `${shownYear}年还没有慰问记录`, hint: '选上面的年份看看往年的记录' }}
        renderItem={(v) => <WelfareItem key={v.id} visit={v} />}
      />
    </PageShell>
  )
}
