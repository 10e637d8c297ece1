import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../../../electron/core/import/decode.ts'

const SIMPLIFIED =
  '江门是广东省的一座城市，位于珠江三角洲西部。它下辖蓬江、江海、新会三个区，代管台山、开平、鹤山、恩平四个县级市。江门是著名的侨乡，有四百多万华侨华人分布在世界各地。'
const TRADITIONAL =
  '江門是廣東省的一座城市，位於珠江三角洲西部。它下轄蓬江、江海、新會三個區，代管台山、開平、鶴山、恩平四個縣級市。江門是著名的僑鄉，有四百多萬華僑華人分佈在世界各地。'

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(Buffer.from('Hello 你好'), 'a.txt')).toEqual({
      text: 'Hello 你好',
      encoding: 'utf-8',
    })
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('你好')])
    expect(decodeText(marked, 'a.txt')).toEqual({ text: '你好', encoding: 'utf-8' })
  })

  it('reads UTF-16 little- and big-endian by their byte-order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SIMPLIFIED, 'utf-16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SIMPLIFIED, 'utf-16be')])
    expect(decodeText(le, 'le.txt')).toEqual({ text: SIMPLIFIED, encoding: 'utf-16le' })
    expect(decodeText(be, 'be.txt')).toEqual({ text: SIMPLIFIED, encoding: 'utf-16be' })
  })

  it('detects GB18030 (GBK) and Big5 and converts them', () => {
    expect(decodeText(iconv.encode(SIMPLIFIED, 'gbk'), 'gbk.txt')).toEqual({
      text: SIMPLIFIED,
      encoding: 'gb18030',
    })
    expect(decodeText(iconv.encode(SIMPLIFIED, 'gb18030'), 'gb.txt').text).toBe(SIMPLIFIED)
    expect(decodeText(iconv.encode(TRADITIONAL, 'big5'), 'big5.txt')).toEqual({
      text: TRADITIONAL,
      encoding: 'big5',
    })
  })

  it('refuses an empty file and one of whitespace only', () => {
    expect(() => decodeText(new Uint8Array(), 'e.txt')).toThrow(
      expect.objectContaining({ code: 'import-empty' }),
    )
    expect(() => decodeText(Buffer.from(' \n\t\n'), 'e.txt')).toThrow(
      expect.objectContaining({ code: 'import-empty' }),
    )
  })

  it('refuses binary files: NUL bytes, or mostly control characters', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
    ])
    expect(() => decodeText(png, 'image.txt')).toThrow(
      expect.objectContaining({ code: 'import-binary' }),
    )
    const controls = Buffer.from(Array.from({ length: 200 }, (_, k) => (k % 3 === 0 ? 0x01 : 0x41)))
    expect(() => decodeText(controls, 'c.txt')).toThrow(
      expect.objectContaining({ code: 'import-binary' }),
    )
  })
})
