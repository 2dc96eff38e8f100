#!/usr/bin/env node
// Renders resources/icon.svg (the one source image) into every icon the platforms need. The outputs are
// committed, so a build never needs this script; run it after editing the SVG (`npm run icons`).
//   resources/icon.png          1024 px: the window icon (Linux) and electron-builder's base image
//   resources/icons/NxN.png     Linux desktop sizes (AppImage, deb)
//   resources/icon.ico          Windows (installer, exe): BMP for <= 48 px, PNG above, as Windows wants
//   resources/icon.icns         macOS (app bundle, dmg)
//   src/renderer/public/favicon.svg   the web UI's favicon (copied as is)
import { Resvg } from '@resvg/resvg-js'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import png2icons from 'png2icons'

const root = fileURLToPath(new URL('..', import.meta.url))
const svg = readFileSync(`${root}resources/icon.svg`)
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()

const master = render(1024)
writeFileSync(`${root}resources/icon.png`, master)
mkdirSync(`${root}resources/icons`, { recursive: true })
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(`${root}resources/icons/${size}x${size}.png`, render(size))

const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true)
const icns = png2icons.createICNS(master, png2icons.BILINEAR, 0)
if (!ico || !icns) throw new Error('png2icons could not convert resources/icon.png')
writeFileSync(`${root}resources/icon.ico`, ico)
writeFileSync(`${root}resources/icon.icns`, icns)

mkdirSync(`${root}src/renderer/public`, { recursive: true })
copyFileSync(`${root}resources/icon.svg`, `${root}src/renderer/public/favicon.svg`)
console.log('icons written to resources/ and src/renderer/public/favicon.svg')
