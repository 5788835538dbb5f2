/** electron-vite replaces `import.meta.env.DEV` at build time: true under `electron-vite dev`, false in a build. */
interface ImportMeta {
  readonly env: { readonly DEV: boolean };
}
