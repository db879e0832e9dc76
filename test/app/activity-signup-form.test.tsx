import { createElement } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'

jest.mock('@tarojs/taro', () => require('./support/taro'))
jest.mock('@tarojs/components', () => ({
  ...require('./support/taro-components'),
  Textarea: (p: any) => createElement('textarea', { 'data-field': p['data-field'], value: p.value ?? '', onChange: (e: any) => p.onInput?.({ detail: { value: e.target.value } }) }),
}))
jest.mock('@/hooks/useCheckinCode', () => ({ useCheckinCode: () => ({ token: 'JG1.a_m.x.n.s', error: '', refresh: jest.fn() }) }))

import { SignupForm } from '../../src/packages/activity/components/SignupForm'
import { RegistrationCard } from '../../src/packages/activity/components/RegistrationCard'

const fields = [
  { key: 'size', label: '尺码', type: 'single' as const, options: ['M', 'L'], required: true },
  { key: 'events', label: '项目', type: 'multi' as const, options: ['跑步', '跳绳'], required: false },
  { key: 'age', label: '年龄', type: 'number' as const, required: false },
  { key: 'note', label: '备注', type: 'text' as const, required: false },
]

describe('the sign-up form', () => {
  it('asks the activity’s own questions and hands over the answers and guests', () => {
    const onSubmit = jest.fn()
    const { container } = render(<SignupForm activity={{ fields, guests: { max: 2, countsTowardCapacity: true } }} submitLabel='我要报名' busy={false} error='' onSubmit={onSubmit} />)
    expect(screen.getByText('尺码（必填）')).toBeTruthy()
    expect(screen.getByText('家属也占用名额')).toBeTruthy()
    fireEvent.click(container.querySelector('[data-choice="size"] [data-option="L"]')!)
    fireEvent.click(container.querySelector('[data-choice="events"] [data-option="跑步"]')!)
    fireEvent.click(container.querySelector('[data-choice="events"] [data-option="跳绳"]')!)
    fireEvent.click(container.querySelector('[data-choice="events"] [data-option="跑步"]')!)
    fireEvent.change(container.querySelector('input[data-field="age"]')!, { target: { value: '45' } })
    fireEvent.change(container.querySelector('textarea[data-field="note"]')!, { target: { value: '素食' } })
    fireEvent.click(container.querySelector('[data-choice="guests"] [data-option="1 人"]')!)
    fireEvent.click(screen.getByText('我要报名'))
    expect(onSubmit).toHaveBeenCalledWith({ size: 'L', events: ['跳绳'], age: '45', note: '素食' }, 1)
  })

  it('offers no guest choice when the activity allows none', () => {
    const { container } = render(<SignupForm activity={{ fields: [] }} submitLabel='我要报名' busy={false} error='' onSubmit={jest.fn()} />)
    expect(container.querySelector('[data-choice="guests"]')).toBeNull()
  })
})

describe('the member’s registration card', () => {
  const base = { revision: 0, canEdit: false, id: 'a_m', activityId: 'a', answers: {}, guests: 0, createdAt: '2026-11-22T01:00:00.000Z' }

  it('shows the waitlist position and lets the member leave the queue', () => {
    const onCancel = jest.fn()
    render(<RegistrationCard reg={{ ...base, state: 'waitlisted', waitPosition: 2, canCancel: true }} fields={[]} busy={false} onCancel={onCancel} onEdit={jest.fn()} />)
    expect(screen.getByText('候补第 2 位')).toBeTruthy()
    fireEvent.click(screen.getByText('退出候补'))
    expect(onCancel).toHaveBeenCalled()
  })

  it('shows the check-in code of a confirmed registration on request, and no cancel outside the policy', () => {
    const { container } = render(<RegistrationCard reg={{ ...base, state: 'confirmed', canCancel: false }} fields={[]} busy={false} onCancel={jest.fn()} onEdit={jest.fn()} />)
    expect(screen.queryByText('取消报名')).toBeNull()
    fireEvent.click(screen.getByText('出示签到码'))
    expect(container.querySelector('[data-testid="checkin-code"] img')).not.toBeNull()
    expect(screen.getByText('JG1.a_m.x.n.s')).toBeTruthy()
  })

  it('shows the member’s answers with their questions, and corrects them in place against the form', async () => {
    const fields = [{ key: 'meal', label: '套餐', type: 'single' as const, options: ['A 套餐', 'B 套餐'], required: true }]
    const onEdit = jest.fn().mockResolvedValue(true)
    render(<RegistrationCard reg={{ ...base, state: 'confirmed', canCancel: true, canEdit: true, answers: { meal: 'A 套餐' }, revision: 3, signedUpBy: '李晓梅' }} fields={fields} busy={false} onCancel={jest.fn()} onEdit={onEdit} />)
    expect(screen.getByText('套餐：A 套餐')).toBeTruthy()
    expect(screen.getByText('由 李晓梅 代为报名')).toBeTruthy()
    fireEvent.click(screen.getByText('修改报名信息'))
    fireEvent.click(screen.getByText('B 套餐'))
    fireEvent.click(screen.getByText('保存报名信息'))
    expect(onEdit).toHaveBeenCalledWith({ meal: 'B 套餐' })
    expect(await screen.findByText('修改报名信息')).toBeTruthy()
  })

  it('offers no correction once sign-up has closed', () => {
    render(<RegistrationCard reg={{ ...base, state: 'confirmed', canCancel: false, canEdit: false, answers: { meal: 'A 套餐' } }} fields={[{ key: 'meal', label: '套餐', type: 'single', options: ['A 套餐', 'B 套餐'], required: true }]} busy={false} onCancel={jest.fn()} onEdit={jest.fn()} />)
    expect(screen.getByText('套餐：A 套餐')).toBeTruthy()
    expect(screen.queryByText('修改报名信息')).toBeNull()
  })
})
