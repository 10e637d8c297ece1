/**
 * The numbers an English block states, and whether its Chinese states the same values: as digits,
 * converted to 万/亿 (320.1 billion → 3201亿, 33 million → 3300万), or in Chinese numerals (13th → 十三).
 */
const NUMBER =
  /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?(?:\s*-?\s*(trillion|billion|million))?/gi

const SCALE: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 }
const ZH_SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 }

export interface StatedNumber {
  text: string
  value: number
}

export function numbersIn(en: string): StatedNumber[] {
  return [...en.matchAll(NUMBER)].map((m) => {
    const base = Number(`${m[1]!.replaceAll(',', '')}${m[2] ?? ''}`)
    const scale = m[3] ? SCALE[m[3].toLowerCase()]! : 1
    return { text: m[0], value: base * scale }
  })
}

const UNIT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
const TEEN_WORDS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
]
const TENS_WORDS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
]
const NUMBER_WORD = new RegExp(
  `\\b(?:(${TENS_WORDS.slice(2).join('|')})(?:-(${UNIT_WORDS.slice(1).join('|')}))?|(${[...UNIT_WORDS.slice(2), ...TEEN_WORDS].join('|')}))\\b`,
  'gi',
)

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const MONTH = new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'gi')

/**
 * Numbers an English text spells out, from two to ninety-nine ("Sixty-three projects" → 63), and
 * the months of its dates ("February 6" → 2), which a Chinese translation writes in digits
 * (63个项目, 2月6日). "one" is left out: it is as often a pronoun; so is "may", unless capitalized.
 */
export function numberWordsIn(en: string): number[] {
  const months = [...en.matchAll(MONTH)]
    .filter((m) => m[1] !== 'may')
    .map((m) => MONTHS.indexOf(m[1]!.toLowerCase()) + 1)
  return [...months, ...[...en.matchAll(NUMBER_WORD)].map(spelledValue)]
}

function spelledValue([, tens, unit, small]: RegExpMatchArray): number {
  if (small) {
    const word = small.toLowerCase()
    return UNIT_WORDS.includes(word) ? UNIT_WORDS.indexOf(word) : 10 + TEEN_WORDS.indexOf(word)
  }
  const units = unit ? UNIT_WORDS.indexOf(unit.toLowerCase()) : 0
  return TENS_WORDS.indexOf(tens!.toLowerCase()) * 10 + units
}

/**
 * The values a Chinese text writes with digits, with their 万/亿 scale (3201亿 → 320,100,000,000):
 * the other direction of `statesNumber`, so an aligner can tell which English sentence a Chinese
 * figure came from.
 */
export function zhNumbersIn(zh: string): number[] {
  return [
    ...withoutThousandsSeparators(zh).matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(万亿|亿|万)?/g),
  ].map((m) => Number(m[1]) * (m[2] ? ZH_SCALE[m[2]]! : 1))
}

/** Two readings of one figure (320.1 billion, 3201亿) agree up to floating-point rounding. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.abs(a) * 1e-9
}

export function statesNumber(zh: string, value: number): boolean {
  const digits = withoutThousandsSeparators(zh)
  return writtenForms(value).some((form) =>
    /^\d/.test(form) ? containsNumber(digits, form) : digits.includes(form),
  )
}

function writtenForms(value: number): string[] {
  const forms = [plain(value)]
  for (const [unit, size] of Object.entries(ZH_SCALE)) {
    if (value >= size) {
      forms.push(`${plain(value / size)}${unit}`)
      // 千亿 and 十万; beyond 万 of a unit Chinese writes digits.
      if (Number.isInteger(value / size) && value / size < 1e4)
        forms.push(`${chineseNumeral(value / size)}${unit}`)
    }
  }
  if (Number.isInteger(value) && value < 1e5) forms.push(chineseNumeral(value))
  return forms
}

function withoutThousandsSeparators(text: string): string {
  return text.replace(/(\d),(?=\d{3})/g, '$1')
}

function plain(value: number): string {
  return String(Number(value.toPrecision(12)))
}

/** A number written with digits, not as part of a longer number: "15" does not state 5. */
function containsNumber(text: string, form: string): boolean {
  let from = 0
  for (;;) {
    const at = text.indexOf(form, from)
    if (at < 0) return false
    const before = text[at - 1] ?? ''
    const after = text[at + form.length] ?? ''
    const afterNext = text[at + form.length + 1] ?? ''
    const extendsLeft = /[\d.]/.test(before)
    const extendsRight = /\d/.test(after) || (after === '.' && /\d/.test(afterNext))
    if (!extendsLeft && !extendsRight) return true
    from = at + 1
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const UNITS = ['', '十', '百', '千', '万']

/** 13 → 十三, 20 → 二十, 100 → 一百, 1000 → 千 is also accepted through the leading-一 rule. */
function chineseNumeral(n: number): string {
  if (n === 0) return DIGITS[0]!
  const digits = String(n).split('').map(Number)
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!
    if (d === 0) {
      zero = out.length > 0
      return
    }
    if (zero) out += DIGITS[0]
    zero = false
    out += DIGITS[d]! + unit
  })
  // 十三, not 一十三; 千亿 as well as 一千亿.
  return out.startsWith('一十') ? out.slice(1) : out.replace(/^一(?=[百千万])/, '')
}
