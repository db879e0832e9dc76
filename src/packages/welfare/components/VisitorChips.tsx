import { Text } from '@tarojs/components'
import { welfareApi } from '@/components/welfare/api'
import { useAsync } from '@/hooks/useAsync'
import { Choice } from '@/components/form/Choice'
import './form.scss'

/** Visitors: the committee and the chair, tapped on and off. */
export function VisitorChips({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const committee = useAsync('welfare-visitors', () => welfareApi.people('', 'visitor'))
  if (committee.error) return <Text className='field__error'>{committee.error.message}</Text>
  const people = committee.data?.items ?? []
  const names = people.map((p) => p.name)
  const chosen = people.filter((p) => value.includes(p.id)).map((p) => p.name)
  const toggle = (name: string) => {
    const p = people.find((x) => x.name === name)
    if (!p) return
    onChange(value.includes(p.id) ? value.filter((id) => id !== p.id) : [...value, p.id])
  }
  return <Choice name='visitors' options={names} value={chosen} onChange={toggle} />
}
