import { useEffect, useState } from 'react'
import type { PlanCategory, PlanItemView } from '../../../../../types/plan'

export interface ItemForm {
  month: number
  date: string
  title: string
  category: PlanCategory
  ownerId: string
  note: string
  public: boolean
}

/** The item form's values: empty for a new item, the item's own once it has loaded. */
export function useItemForm(item: PlanItemView | undefined, ownerId: string | undefined) {
  const [form, setForm] = useState<ItemForm>({ month: 1, date: '', title: '', category: '文体活动', ownerId: '', note: '', public: false })
  useEffect(() => {
    if (item) setForm({ month: item.month, date: item.date ?? '', title: item.title, category: item.category, ownerId: item.ownerId, note: item.note, public: item.public })
  }, [item?.id, item?.revision])
  useEffect(() => {
    if (!item && ownerId && !form.ownerId) setForm((f) => ({ ...f, ownerId }))
  }, [ownerId])
  const set = <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  return { form, set }
}
