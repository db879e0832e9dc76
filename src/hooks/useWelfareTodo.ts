import { welfareApi } from '@/components/welfare/api'
import { useAsync } from './useAsync'

/** The committee's 待办 (birthdays, follow-ups, unvisited plan entries). */
export function useWelfareTodo(enabled: boolean) {
  return useAsync(`welfare-todo|${enabled ? 1 : 0}`, () => (enabled ? welfareApi.todo() : Promise.resolve(null)))
}
