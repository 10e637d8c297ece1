/// <reference lib="webworker" />
import dictionaryUrl from 'virtual:dictionary-url'
import { ReadingAids } from './aids.ts'
import type { AidsRequest, AidsResponse } from './client.ts'

const aids = new ReadingAids(async () => {
  const response = await fetch(dictionaryUrl)
  if (!response.ok) throw new Error(`the dictionary could not be read (${response.status})`)
  return response.text()
})

async function answer(request: AidsRequest): Promise<AidsResponse> {
  try {
    const method = aids[request.method] as (...args: unknown[]) => Promise<unknown>
    const value = (await method.apply(aids, request.args)) as Extract<
      AidsResponse,
      { ok: true }
    >['value']
    return { id: request.id, ok: true, value }
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }
  }
}

onmessage = async (event: MessageEvent<AidsRequest>) => postMessage(await answer(event.data))
