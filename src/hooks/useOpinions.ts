import { api } from '@/services/api'
import { usePagedList } from './usePagedList'

/** Q&A the chair chose to publish from opinions: readable by every member. */
export function usePublicQa() {
  return usePagedList('qa', api.publicQa)
}

/** The caller's named opinions; anonymous ones are reachable only by receipt code. */
export function useMyOpinions() {
  return usePagedList('mine', api.myOpinions)
}
