/** The URL of the dictionary data, emitted by the `dictionary-asset` plugin of electron.vite.config.ts. */
declare module 'virtual:dictionary-url' {
  const dictionaryUrl: string
  export default dictionaryUrl
}
