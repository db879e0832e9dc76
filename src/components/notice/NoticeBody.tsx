import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeBlockOut } from '../../../types/notice'
import './notice-body.scss'

/**
 * A notice body from its blocks. Everything is rendered as text nodes (never HTML), so nothing
 * a writer typed can run or link anywhere; images come as temporary URLs the function gave out.
 */
export function NoticeBody({ blocks }: { blocks: NoticeBlockOut[] }) {
  const images = blocks.flatMap((b) => (b.type === 'image' && b.url ? [b.url] : []))
  return (
    <View className='notice-body'>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading':
            return <Text key={i} className='notice-body__heading'>{b.text}</Text>
          case 'paragraph':
            return <Text key={i} className={`notice-body__para${b.bold ? ' notice-body__para--bold' : ''}`}>{b.text}</Text>
          case 'list':
            return (
              <View key={i} className='notice-body__list'>
                {b.items.map((item, k) => (
                  <View key={k} className='notice-body__item'>
                    <Text className='notice-body__marker'>{b.ordered ? `${k + 1}.` : '•'}</Text>
                    <Text className='notice-body__item-text'>{item}</Text>
                  </View>
                ))}
              </View>
            )
          case 'table':
            return (
              <View key={i} className='notice-body__table' role='table'>
                <View className='notice-body__tr notice-body__tr--head' role='row'>
                  {b.header.map((h, k) => <Text key={k} className='notice-body__td'>{h}</Text>)}
                </View>
                {b.rows.map((r, k) => (
                  <View key={k} className='notice-body__tr' role='row'>
                    {b.header.map((_, c) => <Text key={c} className='notice-body__td'>{r[c] ?? ''}</Text>)}
                  </View>
                ))}
              </View>
            )
          case 'image':
            return (
              <View key={i} className='notice-body__figure'>
                {b.url ? (
                  <Image className='notice-body__image' src={b.url} mode='widthFix' onClick={() => void Taro.previewImage({ urls: images, current: b.url })} />
                ) : <Text className='notice-body__missing'>{b.damaged ? '（图片已损坏，已报告工会主席）' : '（图片暂时无法显示）'}</Text>}
                {b.caption ? <Text className='notice-body__caption'>{b.caption}</Text> : null}
              </View>
            )
        }
      })}
    </View>
  )
}
