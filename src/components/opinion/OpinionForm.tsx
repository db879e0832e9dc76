import { useState } from 'react'
import { View, Text, Textarea, Image } from '@tarojs/components'
import {
  OPINION_MAX_IMAGES, OPINION_TEXT_MAX, OPINION_TEXT_MIN, opinionCategories,
  type OpinionCategory, type OpinionSubmitInput, type OpinionSubmitOutput,
} from '../../../types/opinion'
import { AppButton } from '../AppButton'
import { askForOpinionReply } from './subscriptions'
import { useSubmitOpinion } from './useSubmitOpinion'
// Platform file: pick-images.ts (WeChat) or pick-images.h5.ts (browser).
import { pickImages } from './pick-images'
import './opinion.scss'

interface Props {
  onDone: (answer: OpinionSubmitOutput, input: OpinionSubmitInput) => void
}

function Chips<T extends string>({ options, value, onChange, name }: { options: readonly T[]; value: T | undefined; onChange: (v: T) => void; name: string }) {
  return (
    <View className='op-choice' role='radiogroup' data-name={name}>
      {options.map((o) => (
        <View key={o} className={`op-choice__item${value === o ? ' op-choice__item--on' : ''}`} role='radio' aria-checked={value === o} onClick={() => onChange(o)}>{o}</View>
      ))}
    </View>
  )
}

/** 提意见: category, text, up to 3 pictures, anonymous (default) or named with a reply notice. */
export function OpinionForm({ onDone }: Props) {
  const [category, setCategory] = useState<OpinionCategory | undefined>()
  const [text, setText] = useState('')
  const [images, setImages] = useState<string[]>([])
  const [mode, setMode] = useState<'匿名' | '署名'>('匿名')
  const [notify, setNotify] = useState(true)
  const { send, busy, error, setError } = useSubmitOpinion(onDone)
  const anonymous = mode === '匿名'

  async function addImages() {
    try {
      const picked = await pickImages(OPINION_MAX_IMAGES - images.length)
      setImages((list) => [...list, ...picked].slice(0, OPINION_MAX_IMAGES))
    } catch {
      // cancelled
    }
  }

  async function submit() {
    if (busy) return
    if (!category) return setError('请选择意见类别')
    if ([...text.trim()].length < OPINION_TEXT_MIN) return setError(`请把意见写清楚一些（至少 ${OPINION_TEXT_MIN} 个字）`)
    // One-time subscription: WeChat asks on this tap; a refusal just means no message.
    const notifyReply = !anonymous && notify ? await askForOpinionReply() : false
    await send({ category, text: text.trim(), anonymous, notifyReply, photos: images })
  }

  return (
    <View>
      <View className='op-form'>
        <Text className='op-form__label'>类别</Text>
        <Chips options={opinionCategories} value={category} onChange={setCategory} name='category' />
        <Text className='op-form__label'>意见或建议</Text>
        <Textarea className='op-form__textarea' value={text} maxlength={OPINION_TEXT_MAX} placeholder='写清楚是什么事、希望怎样改进。匿名时请不要写能认出你的细节。' onInput={(e) => setText(e.detail.value)} />
        <Text className='message-box__count'>{`${[...text].length}/${OPINION_TEXT_MAX}`}</Text>
        <Text className='op-form__label'>{`图片（可选，最多 ${OPINION_MAX_IMAGES} 张；上传前会去掉拍摄时间、位置等信息）`}</Text>
        <View className='op-images'>
          {images.map((path, i) => (
            <View key={path} className='op-images__item' onClick={() => setImages((l) => l.filter((_, k) => k !== i))}>
              <Image className='op-images__img' src={path} mode='aspectFill' />
              <Text className='op-images__remove'>×</Text>
            </View>
          ))}
          {images.length < OPINION_MAX_IMAGES ? <View className='op-images__add' onClick={() => void addImages()}>＋</View> : null}
        </View>
        <Text className='op-form__label'>提交方式</Text>
        <Chips options={['匿名', '署名'] as const} value={mode} onChange={setMode} name='mode' />
        <Text className='op-form__hint'>
          {anonymous
            ? '匿名：不保存你的身份和具体时间，工会第二天才能看到。提交后给你一个回执码，凭它查看答复。'
            : '署名：工会能看到你的姓名和部门，意见会出现在“我的意见”里。'}
        </Text>
        {!anonymous ? (
          <View className={`op-check${notify ? ' op-check--on' : ''}`} onClick={() => setNotify((n) => !n)} role='checkbox' aria-checked={notify}>
            <Text>{notify ? '☑' : '☐'} 有答复时用微信通知我（一次）</Text>
          </View>
        ) : null}
      </View>
      {error ? <View className='form-error' role='alert'>{error}</View> : null}
      <View className='op-actions'>
        <AppButton block disabled={busy} onClick={() => void submit()}>{busy ? '正在提交…' : anonymous ? '匿名提交' : '署名提交'}</AppButton>
      </View>
    </View>
  )
}
