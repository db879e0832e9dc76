import * as z from 'zod/mini'
import {
  applyOutput, auditOutput, changeRequestsOutput, decideChangeOutput, departmentsOutput, directoryOutput, exportOutput, inviteInfoOutput, inviteItem,
  joinSettings, memberProfile, queueOutput, rosterImportOutput, rosterStatusOutput,
  type ChangeSet, type ProfileInput, type AuditArea,
} from '../../types/member'
import type { MemberRole, MemberStatus } from '../../types/role'
import { call } from './call'

const invites = z.object({ items: z.array(inviteItem) })

/** The member function's actions, typed; pages and hooks use these, never `call` with a raw name. */
export const memberApi = {
  departments: () => call('member', 'departments', {}, departmentsOutput),
  setup: (input: ProfileInput & { code: string }) => call('member', 'setup', input, memberProfile),
  /** `requestId`: the form's (useRequestId) — a retry or double tap makes one application */
  apply: (input: ProfileInput & { invite?: string; groupCloudId?: string; requestId: string }) => call('member', 'apply', input, applyOutput),
  inviteInfo: (code: string) => call('member', 'inviteInfo', { code }, inviteInfoOutput),
  myProfile: () => call('member', 'myProfile', {}, memberProfile),
  updateProfile: (input: ProfileInput) => call('member', 'updateProfile', input, memberProfile),
  requestChange: (input: ChangeSet & { reason: string; requestId: string }) => call('member', 'requestChange', input, memberProfile),
  changeRequests: (page: number) => call('member', 'changeRequests', { page }, changeRequestsOutput),
  decideChange: (id: string, approve: boolean, note?: string) => call('member', 'decideChange', { id, approve, note }, decideChangeOutput),

  queue: (page: number) => call('member', 'queue', { page }, queueOutput),
  approve: (memberId: string) => call('member', 'approve', { memberId }, memberProfile),
  reject: (memberId: string, reason: string) => call('member', 'reject', { memberId, reason }, memberProfile),
  directory: (input: { keyword?: string; department?: string; status?: MemberStatus; page: number }) => call('member', 'directory', input, directoryOutput),
  exportDirectory: (input: { keyword?: string; department?: string; status?: MemberStatus }) => call('member', 'exportDirectory', input, exportOutput),
  get: (memberId: string) => call('member', 'get', { memberId }, memberProfile),
  update: (memberId: string, revision: number, input: ProfileInput) => call('member', 'update', { memberId, revision, ...input }, memberProfile),
  setRole: (memberId: string, role: MemberRole) => call('member', 'setRole', { memberId, role }, memberProfile),
  handOver: (memberId: string) => call('member', 'handOver', { memberId }, memberProfile),
  remove: (memberId: string, reason: string) => call('member', 'remove', { memberId, reason }, memberProfile),

  joinSettings: () => call('member', 'joinSettings', {}, joinSettings),
  /** only the switches given change */
  setJoinSettings: (input: Partial<Record<'group' | 'invite' | 'roster', boolean>>) => call('member', 'setJoinSettings', input, joinSettings),
  bindGroup: (groupCloudId: string) => call('member', 'bindGroup', { groupCloudId }, joinSettings),
  setDepartments: (departments: string[]) => call('member', 'setDepartments', { departments }, departmentsOutput),
  createInvite: (input: { note: string; days: number; maxUses: number; autoApprove: boolean; requestId: string }) => call('member', 'createInvite', input, inviteItem),
  listInvites: () => call('member', 'listInvites', {}, invites),
  revokeInvite: (code: string) => call('member', 'revokeInvite', { code }, inviteItem),
  importRoster: (fileId: string, fileName: string) => call('member', 'importRoster', { fileId, fileName }, rosterImportOutput),
  rosterStatus: () => call('member', 'rosterStatus', {}, rosterStatusOutput),
  auditLog: (input: { action?: string; area?: AuditArea; from?: string; to?: string; page: number }) => call('member', 'auditLog', input, auditOutput),
  /** 工作台: every domain's waiting work for committee and chair */
}

