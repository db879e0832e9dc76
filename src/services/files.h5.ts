import { getPersona } from '../dev/session'
import { extensionOf, IMAGE_EXTENSIONS, savedFileName, type FileOps, type PickedFile } from './file-types'

/**
 * Local build: the browser's file picker, uploads to the local cloud's storage
 * (/gateway/upload answers like wx.cloud.uploadFile), documents opened in a new tab.
 */
function pick(accept: string, count: number): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = count > 1
    input.style.display = 'none'
    input.dataset.testid = 'file-picker'
    input.addEventListener('change', () => {
      const chosen = Array.from(input.files ?? []).slice(0, count)
      input.remove()
      resolve(chosen.map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size })))
    })
    document.body.appendChild(input)
    input.click()
  })
}

export const files: FileOps = {
  pickImages: (count) => pick('image/*', count),
  pickDocuments: (count, extensions) => pick(extensions.map((e) => `.${e}`).join(','), count),
  async uploadFile(path, cloudPath) {
    const blob = await (await fetch(path)).blob()
    const res = await fetch(`/gateway/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'x-local-openid': getPersona()?.openid ?? '' },
      body: blob,
    })
    const body = (await res.json().catch(() => ({}))) as { fileID?: string; errMsg?: string }
    if (!res.ok || !body.fileID) throw new Error(body.errMsg ?? `upload failed: HTTP ${res.status}`)
    return body.fileID
  },
  async readBase64(path) {
    const blob = await (await fetch(path)).blob()
    return new Promise((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
      reader.onerror = () => reject(reader.error)
      reader.readAsDataURL(blob)
    })
  },
  async openFile(url, name) {
    if (IMAGE_EXTENSIONS.includes(extensionOf(name))) {
      window.open(url, '_blank', 'noopener')
      return
    }
    // Downloaded under the function's name: a plain link would save the storage path's hash.
    const res = await fetch(url)
    if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`)
    const href = URL.createObjectURL(await res.blob())
    const link = document.createElement('a')
    link.href = href
    link.download = savedFileName(name)
    link.style.display = 'none'
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
  },
}
