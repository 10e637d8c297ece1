/** OpenCC's dictionaries as opencc-js ships them, one text each: "from to|from to…". */
declare module 'opencc-js/dict/*' {
  const dictionary: string
  export default dictionary
}
