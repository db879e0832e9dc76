/** The member directory as an Excel file (phones masked unless the chair exports it). */
import crypto from 'node:crypto'
import { roleLabels } from '../../types/role'
import { exportDirectoryInput, type ExportOutput } from '../../types/member'
import { action } from '../_shared/dispatch'
import type { MemberDoc } from '../_shared/documents'
import { MAX_QUERY } from '../_shared/documents'
import { recordAudit } from '../_shared/audit'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { maskPhone, members } from './store'
import { directoryWhere } from './admin'

export const exportRoutes = {
  exportDirectory: action({
    input: exportDirectoryInput,
    role: 'committee',
    async run(ctx, input): Promise<ExportOutput> {
      const fullPhone = ctx.role === 'chair'
      // Loaded here, not at the top: every other action's cold start would pay for it.
      const { default: ExcelJS } = await import('exceljs')
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('会员名册')
      sheet.columns = [
        { header: '姓名', key: 'name', width: 10 }, { header: '部门', key: 'department', width: 14 },
        { header: '工号', key: 'staffNo', width: 10 }, { header: '状态', key: 'status', width: 8 },
        { header: '性别', key: 'gender', width: 6 }, { header: '生日', key: 'birthday', width: 8 },
        { header: '手机', key: 'phone', width: 14 }, { header: '身份', key: 'role', width: 8 },
      ]
      sheet.getRow(1).font = { bold: true }
      const where = directoryWhere(ctx, input)
      let rows = 0
      for (let page = 0; ; page++) {
        const batch = await docs<MemberDoc>(members(ctx.db).where(where).orderBy('name', 'asc').skip(page * MAX_QUERY).limit(MAX_QUERY))
        for (const m of batch) {
          sheet.addRow({ name: m.name, department: m.department, staffNo: m.staffNo ?? '', status: m.status, gender: m.gender ?? '', birthday: m.birthday ?? '', phone: (fullPhone ? m.phone : maskPhone(m.phone)) ?? '', role: roleLabels[m.role] })
          rows++
        }
        if (batch.length < MAX_QUERY) break
      }
      const fileName = `会员名册-${shanghaiDate(ctx.now)}.xlsx`
      const buffer = Buffer.from(await book.xlsx.writeBuffer())
      const fileId = await ctx.services.upload(`exports/members/${crypto.randomBytes(8).toString('hex')}/${fileName}`, buffer)
      const urls = await ctx.services.tempUrls([fileId])
      const filters = [input.status, input.department, input.keyword ? `姓名含"${input.keyword}"` : ''].filter(Boolean).join('、')
      await recordAudit(ctx.db, ctx, { action: 'member.exportDirectory', target: { kind: 'export', id: fileId, label: fileName }, after: { rows, fullPhones: fullPhone }, ...(filters ? { note: filters } : {}) })
      return { url: urls[fileId] ?? '', fileName, rows }
    },
  }),
}
