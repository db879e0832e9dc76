import { useEffect } from 'react'
import './h5-shell.scss'

/**
 * h5: Taro's own title bar (window.navigationStyle 'default') and tab bar sit outside every page,
 * so 关怀模式 reaches them through a class on <body>; the back button gets its spoken name.
 */
export function useH5Shell(care: boolean): void {
  useEffect(() => {
    document.body.classList.toggle('care-mode', care)
    const back = document.querySelector('.taro-navigation-bar-back')
    back?.setAttribute('role', 'button')
    back?.setAttribute('aria-label', '返回')
  }, [care])
}
