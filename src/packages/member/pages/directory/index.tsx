import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DirectoryItem } from '../../../../../types/member'
import { memberStatuses, roleLabels, type MemberStatus } from '../../../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { SearchBar } from '@/components/common/SearchBar'
import { FilterChips } from '@/components/common/FilterChips'
import { Tag } from '@/components/common/Tag'
import { AppButton } from '@/components/AppButton'
import { RoleGate } from '@/components/member/RoleGate'
import { usePagedList } from '@/hooks/usePagedList'
import { useMe } from '@/hooks/useMe'
import { useFillSlot, useRefreshSlot, type RefreshSlot } from '@/components/member/refresh-slot'
import { memberApi } from '@/services/member-api'
import { memberPageApi } from '@/components/member/api'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'
import '@/components/member/member.scss'

function Row({ item }: { item: DirectoryItem }) {
  return (
    <View className='member-row' data-member={item.name} onClick={() => void Taro.navigateTo({ url: `/packages/member/pages/detail/index?id=${item.id}` })}>
      <View className='member-row__main'>
        <Text className='member-row__name'>{item.name}</Text>
        <Text className='member-row__meta'>{`${item.department} · ${item.status}${item.phone ? ` · ${item.phone}` : ''}`}</Text>
      </View>
      {item.role !== 'member' ? <Tag tone='primary'>{roleLabels[item.role]}</Tag> : null}
    </View>
  )
}

function Directory({ refresh }: { refresh: RefreshSlot }) {
  const [keyword, setKeyword] = useState('')
  const [department, setDepartment] = useState<string | undefined>()
  const [status, setStatus] = useState<MemberStatus | undefined>()
  const [exporting, setExporting] = useState(false)
  // The department chips come with the first page the page asks for (one call), and stay.
  const [departments, setDepartments] = useState<string[] | undefined>()
  const filters = { keyword: keyword || undefined, department, status }
  const list = usePagedList(JSON.stringify(filters), async (page) => {
    const withDepartments = page === 1 && departments === undefined
    const answer = await memberPageApi.directory({ ...filters, page, ...(withDepartments ? { withDepartments } : {}) })
    if (answer.departments) setDepartments(answer.departments)
    return answer
  })
  useFillSlot(refresh, [list.reload], list.loadMore)

  async function exportExcel() {
    setExporting(true)
    try {
      const file = await memberApi.exportDirectory(filters)
      await files.openFile(file.url, file.fileName)
    } catch (err) {
      void Taro.showModal({ title: '导出没有成功', content: messageOf(err), showCancel: false })
    } finally {
      setExporting(false)
    }
  }

  return (
    <View>
      <SearchBar placeholder='搜索姓名' onSearch={setKeyword} />
      <FilterChips options={departments ?? []} value={department} onChange={setDepartment} allLabel='全部部门' />
      <FilterChips options={memberStatuses} value={status} onChange={setStatus} allLabel='全部状态' />
      <View className='member-toolbar'>
        <Text className='member-toolbar__count'>{list.loading ? '' : `共 ${list.total} 人`}</Text>
        <AppButton variant='secondary' disabled={exporting} onClick={() => void exportExcel()}>{exporting ? '正在导出…' : '导出 Excel'}</AppButton>
      </View>
      <ListBody
        list={list}
        loadingText='正在读取会员名册…'
        empty={{ title: '没有找到会员', hint: keyword || department || status ? '换个条件试试' : '会员加入后会出现在这里' }}
        renderItem={(item) => <Row key={item.id} item={item} />}
      />
    </View>
  )
}

/** 会员名册 for committee and chair: search, filter, export. Phones are masked except for the chair. */
export default function MemberDirectoryPage() {
  const me = useMe()
  const refresh = useRefreshSlot(me.reload)
  return (
    <PageShell>
      <RoleGate need='committee'>
        <Directory refresh={refresh} />
      </RoleGate>
    </PageShell>
  )
}
