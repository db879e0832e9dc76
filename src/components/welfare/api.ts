import {
  welfareDisclosureOutput, welfareExportOutput, welfareListOutput, welfarePeopleOutput, welfarePlanItem, welfarePlanPreviewOutput,
  welfarePlansOutput, welfareSetHardshipOutput, welfareTodoOutput, welfareVisitDetail, welfareVisitItem,
  type PlanFilter, type WelfareCompleteInput, type WelfareCorrectInput, type WelfareDisclosureInput, type WelfareListInput,
  type WelfarePlanCreateInput, type WelfareRecordInput, type WelfareSummaryInput,
} from '../../../types/welfare'
import { call } from '@/services/call'

/**
 * The welfare function's actions, each with the schema its answer is checked against. Lives
 * beside the welfare components (main package) because the 待办 card on 我的 needs it too.
 */
export const welfareApi = {
  list: (input: WelfareListInput) => call('welfare', 'list', input, welfareListOutput),
  exportExcel: (input: WelfareSummaryInput) => call('welfare', 'export', input, welfareExportOutput),
  get: (id: string) => call('welfare', 'get', { id }, welfareVisitDetail),
  record: (input: Omit<WelfareRecordInput, 'action'>) => call('welfare', 'record', input, welfareVisitItem),
  correct: (input: WelfareCorrectInput) => call('welfare', 'correct', input, welfareVisitItem),
  complete: (input: WelfareCompleteInput) => call('welfare', 'complete', input, welfareVisitItem),
  cancel: (id: string, revision: number, reason: string) => call('welfare', 'cancel', { id, revision, reason }, welfareVisitItem),
  people: (keyword: string, kind: 'recipient' | 'visitor' | 'hardship') => call('welfare', 'people', { keyword, kind }, welfarePeopleOutput),
  setHardship: (memberId: string, hardship: boolean, note = '') => call('welfare', 'setHardship', { memberId, hardship, note }, welfareSetHardshipOutput),
  planPreview: (filter: PlanFilter) => call('welfare', 'planPreview', { filter }, welfarePlanPreviewOutput),
  planCreate: (input: WelfarePlanCreateInput) => call('welfare', 'planCreate', input, welfarePlanItem),
  plans: (page: number) => call('welfare', 'plans', { page }, welfarePlansOutput),
  planClose: (id: string) => call('welfare', 'planClose', { id }, welfarePlanItem),
  todo: () => call('welfare', 'todo', {}, welfareTodoOutput),
  disclosure: (input: WelfareDisclosureInput) => call('welfare', 'disclosureDraft', input, welfareDisclosureOutput),
}

