import { Input } from '@tarojs/components'
import './form.scss'

interface Props {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
  maxlength?: number
  name?: string
}

export function TextInput({ value, onChange, placeholder, type = 'text', maxlength = 40, name }: Props) {
  return (
    <Input
      className='text-input'
      value={value}
      type={type}
      name={name}
      placeholder={placeholder}
      maxlength={maxlength}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}
