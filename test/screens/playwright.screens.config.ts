// Screenshots of the web UI for looking at, not assertions: `npx playwright test -c test/screens/playwright.screens.config.ts`.
import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

export default defineConfig({ ...base, testDir: '.', reporter: 'list' })
