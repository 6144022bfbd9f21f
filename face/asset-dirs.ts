/** The folders, relative to the UI's index.html, that the browser runtime loads from (the UI build fills them: face/assets.ts). */
export const BROWSER_ASSET_DIRS = { models: 'face-models/', wasm: 'face-wasm/' } as const;
