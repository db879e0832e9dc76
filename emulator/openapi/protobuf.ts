/**
 * The two protobuf messages of wx-server-sdk's `wx.openApi` action (field numbers from the
 * SDK's generated src/protobuf/openapi.js): the request CommApiData and the response
 * CommOpenApiResp. Only what the openapi stand-ins need; unknown fields are skipped.
 */

export interface OpenApiRequest {
  apiType: number
  appid: string
  /** key → value bytes; the SDK writes each parameter as JSON text */
  pairs: Array<{ key: string; value: Buffer }>
  /** apiType SVRKIT_API (2): the inner API's name and its own protobuf request (e.g. getOpenData) */
  svrkit?: { apiName: string; reqData: Buffer }
}

export interface OpenApiResponse {
  respData: Buffer
  contentType: string
  errorCode?: number
  httpCode?: number
}

class Reader {
  pos = 0
  constructor(private readonly buf: Buffer) {}
  get done(): boolean { return this.pos >= this.buf.length }

  varint(): number {
    let result = 0
    let shift = 0
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint')
      const byte = this.buf[this.pos++]
      result += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return result
      shift += 7
    }
  }

  bytes(): Buffer {
    const len = this.varint()
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint()
    else if (wireType === 1) this.pos += 8
    else if (wireType === 2) this.bytes()
    else if (wireType === 5) this.pos += 4
    else throw new Error(`unsupported wire type ${wireType}`)
  }
}

function fields(buf: Buffer, visit: (field: number, wireType: number, r: Reader) => boolean): void {
  const r = new Reader(buf)
  while (!r.done) {
    const tag = r.varint()
    if (!visit(tag >>> 3, tag & 7, r)) r.skip(tag & 7)
  }
}

function decodePair(buf: Buffer): { key: string; value: Buffer } {
  const pair = { key: '', value: Buffer.alloc(0) }
  fields(buf, (f, w, r) => {
    if (f === 1 && w === 2) pair.key = r.bytes().toString('utf8')
    else if (f === 2 && w === 2) pair.value = Buffer.from(r.bytes())
    else return false
    return true
  })
  return pair
}

export function decodeCommApiData(buf: Buffer): OpenApiRequest {
  const out: OpenApiRequest = { apiType: 0, appid: '', pairs: [] }
  fields(buf, (f, w, r) => {
    if (f === 1 && w === 0) out.apiType = r.varint()
    else if (f === 2 && w === 2) {
      fields(r.bytes(), (pf, pw, pr) => {
        if (pf !== 1 || pw !== 2) return false
        out.pairs.push(decodePair(pr.bytes()))
        return true
      })
    } else if (f === 4 && w === 2) out.svrkit = decodeSvrkit(r.bytes())
    else if (f === 6 && w === 2) out.appid = r.bytes().toString('utf8')
    else return false
    return true
  })
  return out
}

function decodeSvrkit(buf: Buffer): { apiName: string; reqData: Buffer } {
  const out = { apiName: '', reqData: Buffer.alloc(0) }
  fields(buf, (f, w, r) => {
    if (f === 1 && w === 2) out.apiName = r.bytes().toString('utf8')
    else if (f === 2 && w === 2) out.reqData = Buffer.from(r.bytes())
    else return false
    return true
  })
  return out
}

/** ApiGetOpenDataByCloudIdReq: field 2, repeated cloudID strings. */
export function decodeCloudIdList(reqData: Buffer): string[] {
  const list: string[] = []
  fields(reqData, (f, w, r) => {
    if (f !== 2 || w !== 2) return false
    list.push(r.bytes().toString('utf8'))
    return true
  })
  return list
}

/** ApiGetOpenDataByCloudIdResp: field 1, repeated OpDataItem { 1: cloudId, 2: json }. */
export function encodeOpenDataResp(items: Array<{ cloudId: string; json: string }>): Buffer {
  return Buffer.concat(items.map((item) => lengthDelimited(1, Buffer.concat([
    lengthDelimited(1, Buffer.from(item.cloudId)),
    lengthDelimited(2, Buffer.from(item.json)),
  ]))))
}

function varint(n: number): Buffer {
  const bytes: number[] = []
  // int32 negatives are written as 10-byte two's complement, as protobufjs does
  let v = BigInt.asUintN(64, BigInt(n))
  do {
    let byte = Number(v & 0x7fn)
    v >>= 7n
    if (v) byte |= 0x80
    bytes.push(byte)
  } while (v)
  return Buffer.from(bytes)
}

function lengthDelimited(field: number, data: Buffer): Buffer {
  return Buffer.concat([varint((field << 3) | 2), varint(data.length), data])
}

export function encodeCommOpenApiResp(msg: OpenApiResponse): Buffer {
  const parts = [lengthDelimited(1, msg.respData), lengthDelimited(2, Buffer.from(msg.contentType))]
  if (msg.errorCode) parts.push(varint(3 << 3), varint(msg.errorCode))
  if (msg.httpCode) parts.push(varint(4 << 3), varint(msg.httpCode))
  return Buffer.concat(parts)
}

/** The SDK sends every parameter as JSON text (snake_case keys); anything else stays a string. */
export function pairsToParams(pairs: OpenApiRequest['pairs']): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const { key, value } of pairs) {
    const text = value.toString('utf8')
    try { params[key] = JSON.parse(text) } catch { params[key] = text }
  }
  return params
}
