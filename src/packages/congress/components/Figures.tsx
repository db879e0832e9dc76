import { View, Text } from '@tarojs/components'
import type { BoardFigures } from '../../../../types/congress'
import { pct } from '../labels'

/** What 满意率 is a share of: ratings given in final rounds; 未评价 raters are named apart, never counted. */
const satisfactionBase = (f: BoardFigures) =>
  `满意率按 ${f.ratingsTotal} 人次评价计算（满意和基本满意 ${f.ratingsGood} 人次）${f.ratingsMissing ? `，另有 ${f.ratingsMissing} 人次评价期满未评价，不计入` : ''}`

/** 条条有答复: the session's counts and rates, from the records (never typed in). */
export function Figures({ f }: { f: BoardFigures }) {
  const cells: Array<[string, string]> = [
    ['收到提案', `${f.submitted}`], ['立案（含并案）', `${f.accepted}`], ['立案率', pct(f.acceptRate)],
    ['已答复', `${f.answered}`], ['按期答复率', pct(f.onTimeRate)], ['满意率', pct(f.satisfactionRate)],
  ]
  return (
    <View className='cg-card' data-testid='figures'>
      <Text className='cg-strong'>条条有答复、件件有回音</Text>
      <View className='cg-figures'>
        {cells.map(([label, value]) => (
          <View key={label} className='cg-figure' data-figure={label}>
            <Text className='cg-figure__value'>{value}</Text>
            <Text className='cg-figure__label'>{label}</Text>
          </View>
        ))}
      </View>
      <Text className='cg-line'>{`已办结 ${f.closed} 件 · 转为意见建议 ${f.suggestions} 件${f.overdue ? ` · 超期 ${f.overdue} 件` : ''}`}</Text>
      <Text className='cg-line' data-testid='satisfaction-base'>{satisfactionBase(f)}</Text>
    </View>
  )
}
