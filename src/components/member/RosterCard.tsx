import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { RosterImportOutput } from '../../../types/member'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { memberApi } from '@/services/member-api'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'

/** Import the staff roster from Excel or CSV; a file with bad rows lists them and changes nothing. */
export function RosterCard() {
  const status = useAsync('rosterStatus', memberApi.rosterStatus)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<RosterImportOutput | null>(null)

  async function pickAndImport() {
    setBusy(true)
    setResult(null)
    try {
      const [file] = await files.pickDocuments(1, ['xlsx', 'csv'])
      if (!file) return
      const fileId = await files.uploadFile(file.path, `uploads/roster/${Date.now()}-${file.name}`)
      setResult(await memberApi.importRoster(fileId, file.name))
      await status.reload()
    } catch (err) {
      void Taro.showModal({ title: '导入没有成功', content: messageOf(err), showCancel: false })
    } finally {
      setBusy(false)
    }
  }
  const s = status.data
  return (
    <View className='form' data-card='roster'>
      <View className='field'>
        <Text className='member-row__meta'>{s && s.rows ? `当前名册 ${s.rows} 人（${s.fileName}，${s.importedAt ? formatDate(s.importedAt) : ''} 导入）` : '还没有导入名册'}</Text>
        <Text className='member-row__meta'>表头写：姓名、部门、工号、生日、性别、状态（在职/离退休）、手机。新名册会整体替换旧名册。</Text>
      </View>
      <View className='form__actions'>
        <AppButton block disabled={busy} onClick={() => void pickAndImport()}>{busy ? '正在导入…' : '选择 Excel / CSV 导入'}</AppButton>
      </View>
      {result?.imported ? <Text className='member-row__meta'>{`已导入 ${result.rows} 人${result.approvedApplicants ? `，并自动通过了 ${result.approvedApplicants} 位待审核的申请人` : ''}。`}</Text> : null}
      {result && !result.imported ? (
        <View role='alert' data-testid='roster-bad-rows'>
          <Text className='form__error'>{`有 ${result.bad.length} 行需要修改，名册没有变动：`}</Text>
          {result.bad.slice(0, 50).map((b) => <Text key={b.row} className='member-row__hint'>{`第 ${b.row} 行：${b.reason}`}</Text>)}
        </View>
      ) : null}
    </View>
  )
}
