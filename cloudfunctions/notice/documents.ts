/**
 * Documents only the notice function reads and writes (the notice, version, read and objection
 * documents other code also touches are in _shared/documents.ts).
 */

/** A stored notice file whose bytes no longer match their hash, found when a reader opened it. */
export const NOTICE_FILE_ALERTS = 'notice_file_alerts'

export interface NoticeFileAlertDoc {
  /** `${noticeId}_v${version}_${hash of the fileID}`: one alert per file and version, however often it is opened */
  _id: string
  noticeId: string
  noticeTitle: string
  version: number
  /** the attachment's name ('正文图片' for a body image) */
  name: string
  foundAt: Date
  /** set when the chair publishes a correction (a newer version) */
  resolved: boolean
}
