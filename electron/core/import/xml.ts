import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { ServiceError } from '../../shared/contract.ts'
import { MAX_IMPORT_BLOCKS } from '../../shared/imports.ts'

/** An element as fast-xml-parser's ordered output holds it: one tag name, its children, `:@` attributes. */
export type XmlNode = Record<string, unknown>

/**
 * Parses a TMX or XLIFF file after checking it: no DTD (its entities could expand without end), at
 * most `MAX_IMPORT_BLOCKS` units (counted before the parse, so that a huge file is refused fast),
 * well-formed. `rawTags` elements keep their inner markup as text, for `inlineXmlText`.
 */
export function parseXml(
  text: string,
  name: string,
  unitTag: string,
  rawTags: string[],
): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new ServiceError('import-invalid-xml', `${name}: a DTD or entity declaration`)
  const units = text.match(new RegExp(`<${unitTag}[\\s>/]`, 'g'))?.length ?? 0
  if (units > MAX_IMPORT_BLOCKS)
    throw new ServiceError(
      'import-too-many-units',
      `${name}: ${units.toLocaleString('en')} units, at most ${MAX_IMPORT_BLOCKS.toLocaleString('en')}`,
    )
  const valid = XMLValidator.validate(text)
  if (valid !== true)
    throw new ServiceError(
      'import-invalid-xml',
      `${name}: line ${valid.err.line}: ${valid.err.msg}`,
    )
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    stopNodes: rawTags.map((tag) => `*.${tag}`),
  })
  return parser.parse(text) as XmlNode[]
}

export function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? ''
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const children = node[tagOf(node)]
  return Array.isArray(children) ? (children as XmlNode[]) : []
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined
  const value = attributes?.[name]
  return typeof value === 'string' ? value : undefined
}

/** Elements named `tag` below `nodes`, in document order (not looking inside a match). */
export function findAll(nodes: XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((node) =>
    tagOf(node) === tag ? [node] : tagOf(node) === '#text' ? [] : findAll(childrenOf(node), tag),
  )
}

/** The raw inner markup of an element parsed as a stop node. */
export function rawText(node: XmlNode | undefined): string {
  if (!node) return ''
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
    .join('')
}

/** en-US → en, zh-Hans-CN → zh; anything else (fr, ja) is neither. */
export function xmlLangOf(code: string | undefined): 'en' | 'zh' | null {
  const primary = code?.toLowerCase().split(/[-_]/)[0]
  return primary === 'en' || primary === 'zh' ? primary : null
}
