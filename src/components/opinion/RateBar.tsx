import { View } from '@tarojs/components'
import { opinionRatingLabels, opinionRatings, type OpinionRating } from '../../../types/opinion'
import './opinion.scss'

/** 满意 / 基本满意 / 不满意 as three large buttons; the current choice is highlighted. */
export function RateBar({ value, onRate, disabled }: { value?: OpinionRating; onRate: (r: OpinionRating) => void; disabled?: boolean }) {
  return (
    <View className='rate-bar' role='radiogroup'>
      {opinionRatings.map((r) => (
        <View
          key={r}
          className={`rate-bar__item${value === r ? ' rate-bar__item--on' : ''}`}
          role='radio'
          aria-checked={value === r}
          data-rating={r}
          onClick={() => (disabled ? undefined : onRate(r))}
        >
          {opinionRatingLabels[r]}
        </View>
      ))}
    </View>
  )
}
