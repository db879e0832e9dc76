import { useState } from 'react'
import { View, Input, Text } from '@tarojs/components'
import './search-bar.scss'

interface Props {
  placeholder: string
  /** called with the trimmed text on 搜索 / keyboard confirm, and with '' on 清除 */
  onSearch: (keyword: string) => void
}

/** Searches on confirm, not on every keystroke, so typing a Chinese word does not fire a request per pinyin letter. */
export function SearchBar({ placeholder, onSearch }: Props) {
  const [text, setText] = useState('')
  const submit = () => onSearch(text.trim())
  const clear = () => {
    setText('')
    onSearch('')
  }
  return (
    <View className='search-bar'>
      <Input
        className='search-bar__input'
        value={text}
        placeholder={placeholder}
        confirmType='search'
        maxlength={30}
        onInput={(e) => setText(e.detail.value)}
        onConfirm={submit}
      />
      {text ? (
        <Text className='search-bar__clear' onClick={clear} aria-label='清除'>
          ✕
        </Text>
      ) : null}
      <Text className='search-bar__go' onClick={submit}>
        搜索
      </Text>
    </View>
  )
}
