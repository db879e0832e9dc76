import type { ReactNode } from 'react'
import { Button } from '@tarojs/components'
import './app-button.scss'

interface Props {
  children: ReactNode
  onClick?: () => void
  variant?: 'primary' | 'secondary'
  block?: boolean
  disabled?: boolean
}

/** The one button style; sizes follow the type scale so 关怀模式 enlarges it too. */
export function AppButton({ children, onClick, variant = 'primary', block, disabled }: Props) {
  const cls = ['app-button', `app-button--${variant}`, block ? 'app-button--block' : ''].filter(Boolean).join(' ')
  return (
    // undefined, not false: Taro's h5 button writes disabled="false", which CSS [disabled] matches.
    <Button className={cls} onClick={onClick} disabled={disabled || undefined}>
      {children}
    </Button>
  )
}
