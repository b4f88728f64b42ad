// Vite (and vitest) import a file's text with the `?raw` suffix: the letter templates are plain text files.
declare module '*.mustache?raw' {
  const source: string;
  export default source;
}
