import { View, Text } from '@tarojs/components'
import type { ProposalDetail } from '../../../../types/congress'

/** 协办意见: what each 协办人 said about the answer, round by round (the 主办 reads them while answering). */
export function CoNotes({ notes, title = '协办意见' }: { notes: ProposalDetail['coNotes']; title?: string }) {
  if (!notes.length) return null
  return (
    <View data-testid='co-notes'>
      <Text className='cg-para cg-strong'>{title}</Text>
      {notes.map((n) => (
        <Text key={`${n.round}-${n.name}`} className='cg-para' data-co-note={n.round}>{`第${n.round}次 · ${n.name}${n.corrected ? '（已修改）' : ''}：${n.text}`}</Text>
      ))}
    </View>
  )
}
