// The application's id: electron-builder's `build.appId` (package.json) names the installed app with it,
// and on Windows the NSIS installer gives the Start-menu shortcut this AppUserModelID. A process must
// claim the same one, or Windows shows none of its notifications.
export const APP_ID = 'dev.hookscope.app'
