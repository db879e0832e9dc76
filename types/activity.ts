import * as z from 'zod/mini'
import { docId, instant, pageInput, paged, requestId, revision } from './common'

export const activityCategories = ['文体', '节日', '体检', '疗休养', '培训', '其他'] as const
export const activityCategory = z.enum(activityCategories)
export type ActivityCategory = z.infer<typeof activityCategory>

/**
 * Computed from the clock and the counts: upcoming (sign-up not open yet), open, full (capacity
 * reached; waitlist may still take people), closed (sign-up over, not started), ongoing, ended,
 * cancelled; draft only for organisers.
 */
export const activityStatus = z.enum(['draft', 'upcoming', 'open', 'full', 'closed', 'ongoing', 'ended', 'cancelled'])
export type ActivityStatus = z.infer<typeof activityStatus>

/** draft → published → cancelled | finished */
export const activityState = z.enum(['draft', 'published', 'cancelled', 'finished'])
export type ActivityState = z.infer<typeof activityState>

/** Who may sign up. 在职 / 离退休 are the member statuses; female = 女教职工. */
export const audienceKinds = ['all', '在职', '离退休', 'female', 'departments'] as const
export const activityAudience = z.object({
  kind: z.enum(audienceKinds),
  departments: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(30))).check(z.maxLength(30))),
})
export type ActivityAudience = z.infer<typeof activityAudience>

export const fieldTypes = ['text', 'number', 'single', 'multi'] as const
export const activityField = z.object({
  key: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,29}$/)),
  label: z.string().check(z.minLength(1), z.maxLength(20)),
  type: z.enum(fieldTypes),
  options: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(z.maxLength(20))),
  required: z.boolean(),
})
export type ActivityFieldDef = z.infer<typeof activityField>

/** until sign-up closes / until the start / never */
export const cancelPolicies = ['untilSignupEnd', 'untilStart', 'never'] as const
export const cancelPolicy = z.enum(cancelPolicies)
export type CancelPolicy = z.infer<typeof cancelPolicy>

/** 携带家属: how many a member may bring, and whether they take places */
export const guestRule = z.object({ max: z.int().check(z.minimum(1), z.maximum(10)), countsTowardCapacity: z.boolean() })
export type GuestRule = z.infer<typeof guestRule>

/** e.g. 疗休养: once per `years` years per member, across activities with the same series key */
export const frequencyRule = z.object({ key: z.string().check(z.minLength(1), z.maxLength(30)), years: z.int().check(z.minimum(1), z.maximum(10)) })

/** What an organiser edits (create and edit of a draft). Times are ISO instants. */
export const activityEditable = z.object({
  title: z.string().check(z.trim(), z.minLength(2), z.maxLength(40)),
  category: activityCategory,
  description: z.string().check(z.maxLength(2000)),
  coverFileId: z.optional(z.string().check(z.maxLength(300))),
  place: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  startAt: instant,
  endAt: instant,
  signupStartAt: instant,
  signupEndAt: instant,
  capacity: z.int().check(z.minimum(0), z.maximum(10000)),
  waitlist: z.boolean(),
  audience: activityAudience,
  fields: z.array(activityField).check(z.maxLength(10)),
  guests: z.optional(guestRule),
  cancelPolicy,
  frequency: z.optional(frequencyRule),
  needsApproval: z.boolean(),
})
export type ActivityEditable = z.infer<typeof activityEditable>

/**
 * The 活动 tab: what needs action soonest first (open sign-ups closing soonest, then upcoming and
 * running, then ended — those of the last 60 days; older ones are found by search or in 我的报名).
 * With `q` (2+ characters), titles containing it, any age, latest start first.
 */
export const activityListInput = z.object({ page: pageInput, q: z.optional(z.string().check(z.trim(), z.maxLength(40))) })

/** A registration's state: 待审核 pending holds a place until the organiser decides. */
export const registrationStates = ['confirmed', 'pending', 'waitlisted', 'cancelled', 'rejected'] as const
export const registrationState = z.enum(registrationStates)
export type RegistrationState = z.infer<typeof registrationState>

/** The caller's own place on a list card: 已报名 / 候补第 4 位 / 待审核 / 已签到. */
export const myStatus = z.object({
  state: registrationState,
  /** 1-based place in the waitlist while waitlisted */
  waitPosition: z.optional(z.int()),
  checkedIn: z.boolean(),
})
export type MyStatus = z.infer<typeof myStatus>

export const activityListItem = z.object({
  id: z.string(),
  title: z.string(),
  category: activityCategory,
  place: z.string(),
  startAt: instant,
  endAt: instant,
  signupStartAt: instant,
  signupEndAt: instant,
  /** 0 = unlimited */
  capacity: z.int(),
  /** registrations holding a place (confirmed or awaiting approval) */
  confirmedCount: z.int(),
  /** places taken, guests included when they count */
  seatsTaken: z.optional(z.int()),
  waitlistCount: z.int(),
  status: activityStatus,
  /** the caller's registration, when they have one */
  mine: z.optional(myStatus),
})
export type ActivityListItem = z.infer<typeof activityListItem>
export const activityListOutput = paged(activityListItem)
export type ActivityListOutput = z.infer<typeof activityListOutput>

/** Organisers' list: drafts and every state, newest first. */
export const activityManageListInput = z.object({ page: pageInput })
export const activityManageItem = z.object({ ...activityListItem.shape, state: activityState, pendingCount: z.int() })
export type ActivityManageItem = z.infer<typeof activityManageItem>
export const activityManageListOutput = paged(activityManageItem)


export const answerValue = z.union([z.string().check(z.maxLength(200)), z.number(), z.array(z.string().check(z.maxLength(20))).check(z.maxLength(20))])
export const answersInput = z.record(z.string().check(z.maxLength(30)), answerValue)
export type Answers = z.infer<typeof answersInput>

/** The caller's own registration as they see it. */
export const myRegistration = z.object({
  id: z.string(),
  activityId: z.string(),
  state: registrationState,
  /** 1-based place in the waitlist while waitlisted (候补第 n 位) */
  waitPosition: z.optional(z.int()),
  answers: answersInput,
  /** the answers' revision: an edit is made against it (refused if someone changed them since) */
  revision: z.int(),
  guests: z.int(),
  checkedInAt: z.optional(instant),
  rejectReason: z.optional(z.string()),
  /** 代报名: the committee member who signed the caller up */
  signedUpBy: z.optional(z.string()),
  createdAt: instant,
  /** whether the cancellation policy still allows cancelling now */
  canCancel: z.boolean(),
  /** answers can be changed (sign-up still open, registration still active) */
  canEdit: z.boolean(),
})
export type MyRegistration = z.infer<typeof myRegistration>

export const activityIdInput = z.object({ id: docId })

export const activityDetail = z.object({
  ...activityListItem.shape,
  state: activityState,
  description: z.string(),
  coverUrl: z.optional(z.string()),
  waitlist: z.boolean(),
  audience: activityAudience,
  fields: z.array(activityField),
  guests: z.optional(guestRule),
  cancelPolicy,
  frequency: z.optional(frequencyRule),
  needsApproval: z.boolean(),
  pendingCount: z.int(),
  cancelReason: z.optional(z.string()),
  /** the caller's registration, if any (replaces the list's short `mine`) */
  registration: z.optional(myRegistration),
  /** whether the caller may organise it (committee and chair) */
  canManage: z.boolean(),
})
export type ActivityDetail = z.infer<typeof activityDetail>

export const registerInput = z.object({
  activityId: docId,
  answers: z._default(answersInput, {}),
  guests: z._default(z.int().check(z.minimum(0), z.maximum(10)), 0),
})
/** What a sign-up did (the app then reloads the detail): the same answer for every repeated tap. */
export const signupOutcome = z.object({
  id: z.string(),
  activityId: z.string(),
  state: registrationState,
  waitPosition: z.optional(z.int()),
})
export type SignupOutcome = z.infer<typeof signupOutcome>

/** 代报名: the committee signs a member up (a retiree without a smartphone); audited as such. */
export const registerForInput = z.object({ ...registerInput.shape, memberId: docId })

/** A correction of the caller's own answers while sign-up is open; keeps the place. */
export const editAnswersInput = z.object({ activityId: docId, answers: answersInput, revision })

export const cancelRegistrationInput = z.object({ activityId: docId })

export const mineInput = z.object({ page: pageInput })
export const mineItem = z.object({
  registration: myRegistration,
  activity: activityListItem,
  /** the activity's questions, so the answers read with their labels */
  fields: z.array(activityField),
})
export type MineItem = z.infer<typeof mineItem>
/** `total` is exact on the last page; before it, one more than loaded (there is more to load). */
export const mineOutput = paged(mineItem)

export const saveActivityInput = z.object({
  /** absent: create a draft (then `requestId` makes a retried create land once) */
  id: z.optional(docId),
  requestId: z.optional(requestId),
  /** editing a draft: the revision the form was filled from */
  revision: z.optional(revision),
  activity: activityEditable,
})
export const savedActivity = z.object({ id: z.string(), state: activityState, revision: z.optional(z.int()) })
export const editableOutput = z.object({ id: z.string(), state: activityState, revision: z.int(), activity: activityEditable, coverUrl: z.optional(z.string()) })
export const cancelActivityOutput = z.object({ id: z.string(), state: activityState, notified: z.int() })
export const decideOutput = z.object({ id: z.string(), state: registrationState })
export const cancelActivityInput = z.object({ id: docId, reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)) })

export const rosterInput = z.object({
  activityId: docId,
  state: z.optional(registrationState),
  /** only those checked in (the attendance list) */
  checkedIn: z.optional(z.boolean()),
  page: pageInput,
})
export const rosterRow = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  department: z.string(),
  state: registrationState,
  /** 候补第 n 位 while waitlisted */
  waitPosition: z.optional(z.int()),
  answers: answersInput,
  guests: z.int(),
  createdAt: instant,
  checkedInAt: z.optional(instant),
  /** 代报名 by this committee member */
  signedUpBy: z.optional(z.string()),
})
export type RosterRow = z.infer<typeof rosterRow>
export const rosterCounts = z.object({
  confirmed: z.int(), pending: z.int(), waitlisted: z.int(), cancelled: z.int(), rejected: z.int(), checkedIn: z.int(), seatsTaken: z.int(), guests: z.int(),
})
export type RosterCounts = z.infer<typeof rosterCounts>
export const rosterOutput = z.object({
  ...paged(rosterRow).shape,
  counts: rosterCounts,
  fields: z.array(activityField),
  guests: z.optional(guestRule),
  title: z.string(),
  /** what the organiser may do now: 代报名 while sign-up is open, 按名单签到 from the day before until the end */
  canSignUpOthers: z.boolean(),
  canCheckIn: z.boolean(),
})
export type RosterOutput = z.infer<typeof rosterOutput>

export const exportRosterOutput = z.object({ fileId: z.string(), url: z.string(), rows: z.int() })

export const decideInput = z.object({ registrationId: docId, approve: z.boolean(), reason: z.optional(z.string().check(z.trim(), z.maxLength(100))) })
export const messageInput = z.object({ activityId: docId, text: z.string().check(z.trim(), z.minLength(2), z.maxLength(20)), requestId })
/** `again`: this request was sent before (a double tap or a retry); nothing was sent this time. */
export const messageOutput = z.object({ recipients: z.int(), delivered: z.int(), again: z.optional(z.literal(true)) })

export const checkinTokenInput = z.object({ activityId: docId })
export const checkinTokenOutput = z.object({ token: z.string(), expiresAt: instant, refreshInSeconds: z.int() })
export const checkinInput = z.object({ token: z.string().check(z.trim(), z.minLength(10), z.maxLength(300)) })
export const checkinOutput = z.object({ name: z.string(), department: z.string(), activityTitle: z.string(), guests: z.int(), checkedInAt: instant })
export type CheckinOutput = z.infer<typeof checkinOutput>
/** 按名单签到: the organiser checks a confirmed member in from the roster (no phone needed). */
export const checkinRowInput = z.object({ registrationId: docId })

export const remindOutput = z.object({ activities: z.int(), sent: z.int() })
