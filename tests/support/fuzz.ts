import { mulberry32 } from '../../bench/random.ts'

function deep(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = { nested: value }
  return value
}

/** Values of every JSON-ish shape that no schema of ours accepts where a specific type is expected. */
export function hostileValues(seed: number, count: number): unknown[] {
  const next = mulberry32(seed)
  const pool: Array<() => unknown> = [
    // Structured clone keeps a property set to undefined; it must not read as a property left out.
    () => undefined,
    () => null,
    () => 0,
    () => -1,
    () => Number.NaN,
    () => Infinity,
    () => 1e308,
    () => true,
    () => '',
    () => ' ',
    () => 'x'.repeat(1 + Math.floor(next() * 300_000)),
    () => '\u0000\u0001\u001f',
    () => '<script>alert(1)</script>',
    () => '../../etc/passwd',
    () => '💥'.repeat(50),
    () => [],
    () => [1, 2, 3],
    () => ({}),
    () => ({ __proto__: { polluted: true } }),
    () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => deep(1 + Math.floor(next() * 500)),
    () => new Date(),
    () => ({ id: 'x'.repeat(10_000) }),
    () => Symbol.for('nope').toString(),
  ]
  return Array.from({ length: count }, () => pool[Math.floor(next() * pool.length)]!())
}
