// Types for electron-vite's import queries in the main process (`?asset` in shell/window.ts).
/// <reference types="electron-vite/node" />
