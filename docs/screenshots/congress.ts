/**
 * Screenshots of 教代会 congress day and 协办 (docs/screenshots/congress-*.png), normal and 关怀模式: a 代表's
 * 我的签到码 on the board, the committee's 扫码签到 on the 代表与签到 page, the 交办 form with 协办人, and a case
 * with its 协办人 and 协办意见. The demo meeting is moved to today first. Run after an h5 build:
 * npx tsx docs/screenshots/congress.ts
 */
import { DEMO_SESSION_ID, demoProposalId } from '../../emulator/seed/congress'
import { visible } from '../../test/e2e/support/ui'
import { withDemoCloud } from './session'

const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })

void withDemoCloud('congress', async ({ url, db, open, shot }) => {
  await db.collection('congress_sessions').doc(DEMO_SESSION_ID).update({ data: { meetingDate: today } })
  for (const care of [false, true]) {
    const suffix = care ? '-care' : ''
    const staff = await open('staff', care)
    await staff.goto(`${url}/#/packages/congress/pages/board/index?session=${DEMO_SESSION_ID}`)
    await visible(staff, '[data-testid="my-checkin"] .app-button').click()
    await visible(staff, '.qr__image').waitFor()
    await visible(staff, '[data-testid="my-checkin"]').scrollIntoViewIfNeeded()
    await shot(staff, `congress-checkin-code${suffix}`)
    await staff.close()

    const committee = await open('committee', care)
    await committee.goto(`${url}/#/packages/congress/pages/people/index?session=${DEMO_SESSION_ID}`)
    await visible(committee, '[data-testid="scan-checkin"]').waitFor()
    await shot(committee, `congress-people-scan${suffix}`)
    await committee.goto(`${url}/#/packages/congress/pages/proposal/index?id=${demoProposalId('accepted')}`)
    await visible(committee, '[data-testid="assign"]').waitFor()
    await visible(committee, '[data-testid="assign"]').scrollIntoViewIfNeeded()
    await shot(committee, `congress-assign${suffix}`)
    await committee.goto(`${url}/#/packages/congress/pages/proposal/index?id=${demoProposalId('assigned')}`)
    await visible(committee, '[data-testid="co-notes"]').waitFor()
    await visible(committee, '[data-testid="handling"]').scrollIntoViewIfNeeded()
    await shot(committee, `congress-co-notes${suffix}`)
    await committee.close()
  }
})
