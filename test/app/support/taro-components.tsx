/**
 * @tarojs/components for jsdom: each component becomes the nearest HTML element and Taro's
 * event shapes (`e.detail.value`) are rebuilt, so tests click and type like a person would.
 * Use: jest.mock('@tarojs/components', () => require('./support/taro-components'))
 */
import { createElement, type ReactNode } from 'react'

type Props = Record<string, any> & { children?: ReactNode }

// Only attributes the DOM understands are passed on; Taro-only props (scrollX, confirmType …) are dropped.
function domProps(props: Props) {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'onClick' || k === 'role' || k === 'disabled' || k === 'placeholder') out[k] = v
    else if (k.startsWith('data-') || k.startsWith('aria-')) out[k] = v
  }
  return out
}

const tag = (name: string) => (props: Props) => createElement(name, domProps(props), props.children)

export const View = tag('div')
export const Text = tag('span')
export const ScrollView = tag('div')
export const Image = tag('img')

export function Button(props: Props) {
  return createElement('button', { ...domProps(props), type: 'button' }, props.children)
}

export function Input(props: Props) {
  return createElement('input', {
    ...domProps(props),
    value: props.value ?? '',
    onChange: (e: any) => props.onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: any) => {
      if (e.key === 'Enter') props.onConfirm?.({ detail: { value: e.target.value } })
    },
  })
}

export function Switch(props: Props) {
  return createElement('input', {
    ...domProps(props),
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(props.checked),
    onChange: (e: any) => props.onChange?.({ detail: { value: e.target.checked } }),
  })
}
