import fs from 'node:fs'
import path from 'node:path'

export type Suggest = 'pass' | 'review' | 'risky'

export interface SensitiveWord {
  word: string
  label: number
  suggest: Exclude<Suggest, 'pass'>
}

const FILE = path.join(__dirname, 'sensitive-words.txt')
let cached: { mtime: number; words: SensitiveWord[] } | undefined

/** The word list, re-read when the file changes so it can be edited while the cloud runs. */
export function sensitiveWords(): SensitiveWord[] {
  const mtime = fs.statSync(FILE).mtimeMs
  if (cached?.mtime === mtime) return cached.words
  const words = fs.readFileSync(FILE, 'utf8').split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line): SensitiveWord => {
      const [word, label, suggest] = line.split('\t')
      if (!word || !Number(label) || (suggest !== 'review' && suggest !== 'risky')) throw new Error(`${FILE}: bad entry "${line}"`)
      return { word, label: Number(label), suggest }
    })
  cached = { mtime, words }
  return words
}

export function matchWords(content: string): SensitiveWord[] {
  const text = content.toLowerCase()
  return sensitiveWords().filter((w) => text.includes(w.word.toLowerCase()))
}
