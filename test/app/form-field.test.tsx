import { useState } from 'react'
import { act, fireEvent, render, screen } from '@testing-library/react'

jest.mock('@tarojs/taro', () => require('./support/taro'))
jest.mock('@tarojs/components', () => require('./support/taro-components'))

import { Field } from '../../src/components/form/Field'

/**
 * A birthday field whose error comes back from "the function" on submit, like the profile form's:
 * errors are cleared when the call starts and set when its answer arrives.
 */
function BirthdayForm({ check }: { check: (v: string) => string | undefined }) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | undefined>()
  const submit = async () => {
    setError(undefined)
    await new Promise((resolve) => setTimeout(resolve, 0))
    setError(check(value))
  }
  return (
    <div>
      <Field label='生日' hint='月-日，用于生日慰问；年份不必填' error={error} value={value}>
        <input aria-label='生日' value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <button onClick={() => void submit()}>提交</button>
    </div>
  )
}

const check = (v: string) => (/^\d{2}-\d{2}$/.test(v) ? undefined : '生日请按 月-日 填写，例如 03-15')

const submit = () => act(async () => {
  fireEvent.click(screen.getByText('提交'))
  await new Promise((resolve) => setTimeout(resolve, 5))
})

describe('Field', () => {
  it('keeps the hint on screen while the field is wrong', async () => {
    render(<BirthdayForm check={check} />)
    fireEvent.change(screen.getByLabelText('生日'), { target: { value: '1968年3月' } })
    await submit()
    expect(screen.getByRole('alert').textContent).toContain('生日请按 月-日 填写')
    expect(screen.getByText('月-日，用于生日慰问；年份不必填')).toBeTruthy()
  })

  it('clears the error as soon as the person changes the value, and shows it again if the next try is wrong too', async () => {
    render(<BirthdayForm check={check} />)
    const input = screen.getByLabelText('生日')
    fireEvent.change(input, { target: { value: '3月15' } })
    await submit()
    expect(screen.queryByRole('alert')).not.toBeNull()

    fireEvent.change(input, { target: { value: '03-1' } })
    expect(screen.queryByRole('alert')).toBeNull()

    await submit()
    expect(screen.getByRole('alert').textContent).toContain('生日请按 月-日 填写')

    fireEvent.change(input, { target: { value: '03-15' } })
    await submit()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('without a value keeps showing the error until the form replaces it (callers that do not pass one)', () => {
    render(<Field label='姓名' error='请填写姓名'><input aria-label='姓名' /></Field>)
    expect(screen.getByRole('alert').textContent).toBe('请填写姓名')
  })
})
