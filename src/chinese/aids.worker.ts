/// <reference lib="webworker" />
import { ReadingAids } from './aids.ts'
import type { AidsRequest, AidsResponse } from './client.ts'

const aids = new ReadingAids()

async function answer(request: AidsRequest): Promise<AidsResponse> {
  try {
    const value =
      request.method === 'views'
        ? await aids.views(...request.args)
        : await aids.readings(...request.args)
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
