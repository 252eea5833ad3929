// Runs before the first paint (a classic script in <head>, not a module): puts the theme the app
// will use on <html> at once, so a dark page never shows a light frame while the app loads. The
// app (src/app/routes/root.tsx) keeps it up to date afterwards. Same key and rule as
// src/app/lib/preferences.ts: the saved choice, or the system's when there is none.
;(function () {
  var saved = null
  try {
    saved = window.localStorage.getItem('cv.theme')
  } catch (error) {
    // Storage blocked: follow the system.
  }
  var systemDark =
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
  var dark = saved === 'dark' || (saved !== 'light' && systemDark)
  var root = document.documentElement
  root.classList.toggle('dark', dark)
  root.style.colorScheme = dark ? 'dark' : 'light'
})()
