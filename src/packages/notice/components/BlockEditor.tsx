import { View, Text, Input, Textarea, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { files } from '@/services/files'
import { BLOCK_LABELS, emptyBlock, noticeCloudPath, type EditBlock } from './blocks'
import './editor.scss'

interface Props {
  blocks: EditBlock[]
  onChange: (blocks: EditBlock[]) => void
}

/** 正文: a column of blocks (段落 / 小标题 / 列表 / 表格 / 图片), each editable, movable and removable. */
export function BlockEditor({ blocks, onChange }: Props) {
  const set = (i: number, b: EditBlock) => onChange(blocks.map((x, k) => (k === i ? b : x)))
  const remove = (i: number) => onChange(blocks.filter((_, k) => k !== i))
  const move = (i: number, d: -1 | 1) => {
    const j = i + d
    if (j < 0 || j >= blocks.length) return
    const next = [...blocks]
    ;[next[i], next[j]] = [next[j], next[i]]
    onChange(next)
  }
  const addImage = async () => {
    try {
      const [picked] = await files.pickImages(1)
      if (!picked) return
      Taro.showLoading({ title: '正在上传…' })
      const fileId = await files.uploadFile(picked.path, noticeCloudPath(picked.name))
      onChange([...blocks, { type: 'image', fileId, caption: '', preview: picked.path }])
    } catch {
      void Taro.showToast({ title: '图片没有上传成功，请重试', icon: 'none' })
    } finally {
      Taro.hideLoading()
    }
  }

  return (
    <View className='blocks'>
      {blocks.map((b, i) => (
        <View key={i} className='block' data-block={b.type}>
          <View className='block__bar'>
            <Text className='block__type'>{BLOCK_LABELS[b.type]}</Text>
            <Text className='block__tool' onClick={() => move(i, -1)}>上移</Text>
            <Text className='block__tool' onClick={() => move(i, 1)}>下移</Text>
            <Text className='block__tool block__tool--danger' onClick={() => remove(i)}>删除</Text>
          </View>
          {b.type === 'paragraph' ? (
            <View>
              <Textarea className='editor-textarea' value={b.text} maxlength={2000} autoHeight placeholder='段落文字' onInput={(e) => set(i, { ...b, text: e.detail.value })} />
              <Text className={`block__toggle${b.bold ? ' block__toggle--on' : ''}`} onClick={() => set(i, { ...b, bold: !b.bold })}>{b.bold ? '✓ 加粗' : '加粗'}</Text>
            </View>
          ) : null}
          {b.type === 'heading' ? (
            <Input className='editor-input' value={b.text} maxlength={60} placeholder='小标题，如 一、体检对象' onInput={(e) => set(i, { ...b, text: e.detail.value })} />
          ) : null}
          {b.type === 'list' ? (
            <View>
              <Textarea className='editor-textarea' value={b.lines} autoHeight placeholder='每行一项' onInput={(e) => set(i, { ...b, lines: e.detail.value })} />
              <Text className={`block__toggle${b.ordered ? ' block__toggle--on' : ''}`} onClick={() => set(i, { ...b, ordered: !b.ordered })}>{b.ordered ? '✓ 编号 1. 2. 3.' : '圆点列表（点此改为编号）'}</Text>
            </View>
          ) : null}
          {b.type === 'table' ? (
            <View>
              <Textarea className='editor-textarea' value={b.lines} autoHeight placeholder={'第一行是表头，每行一行，单元格用 | 分开\n例：姓名 | 部门\n刘芳 | 语文组'} onInput={(e) => set(i, { ...b, lines: e.detail.value })} />
            </View>
          ) : null}
          {b.type === 'image' ? (
            <View>
              {b.preview ? <Image className='block__image' src={b.preview} mode='aspectFit' /> : <Text className='block__hint'>已上传的图片</Text>}
              <Input className='editor-input' value={b.caption} maxlength={60} placeholder='图片说明（可不填）' onInput={(e) => set(i, { ...b, caption: e.detail.value })} />
            </View>
          ) : null}
        </View>
      ))}
      <View className='blocks__add'>
        <Text className='blocks__add-label'>添加：</Text>
        {(['paragraph', 'heading', 'list', 'table'] as const).map((t) => (
          <Text key={t} className='blocks__add-item' onClick={() => onChange([...blocks, emptyBlock(t)])} data-add={t}>{BLOCK_LABELS[t]}</Text>
        ))}
        <Text className='blocks__add-item' onClick={() => void addImage()} data-add='image'>图片</Text>
      </View>
    </View>
  )
}
