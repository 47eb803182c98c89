import { describe, expect, it } from 'vitest'
import { detectAttachmentType } from './detect-attachment-type'

const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0])

describe('detectAttachmentType', () => {
  it('accepts a PDF whose content starts with %PDF-', () => {
    expect(detectAttachmentType('进展.PDF', new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf')
  })

  it('accepts .docx, .xlsx and .zip as zip packages and .doc/.xls as OLE files', () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04)
    const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)
    expect(detectAttachmentType('a.docx', zip)).toMatch(/wordprocessingml/)
    expect(detectAttachmentType('a.xlsx', zip)).toMatch(/spreadsheetml/)
    expect(detectAttachmentType('a.zip', zip)).toBe('application/zip')
    expect(detectAttachmentType('a.doc', ole)).toBe('application/msword')
    expect(detectAttachmentType('a.xls', ole)).toBe('application/vnd.ms-excel')
  })

  it('accepts JPEG and PNG images by their signatures', () => {
    expect(detectAttachmentType('照片.jpg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg')
    expect(detectAttachmentType('照片.jpeg', bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg')
    expect(detectAttachmentType('图.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(
      'image/png',
    )
  })

  it('refuses an allowed extension whose content is something else (a renamed program)', () => {
    expect(detectAttachmentType('进展.pdf', bytes(0x4d, 0x5a, 0x90))).toBeNull()
    expect(detectAttachmentType('照片.png', bytes(0xff, 0xd8, 0xff))).toBeNull()
  })

  it('refuses extensions outside the list, and names without one', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7')
    expect(detectAttachmentType('setup.exe', pdf)).toBeNull()
    expect(detectAttachmentType('pdf', pdf)).toBeNull()
    expect(detectAttachmentType('a.txt', pdf)).toBeNull()
  })
})
