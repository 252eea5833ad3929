// Runs before the first paint (a classic script in <head>, not a module): puts the theme the app
// will use on <html> at once, so a dark page never shows a light frame while the app loads. The
// app (src/app/routes/root.tsx) keeps it up to date afterwards. Same key and rule as
// src/app/lib/preferences.ts: the saved choice, or the system's when there is none.
//
// It also tells the server which clock to render the next page in (issue 14): the `cv_tz` cookie
// holds the reader's choice (local or UTC) and this browser's zone, written at every page load
// because the zone can change between visits (travel). Same format as preferences.ts writes.
;(function () {
  var saved = null
  var clock = null
  try {
    saved = window.localStorage.getItem('cv.theme')
    clock = window.localStorage.getItem('cv.timeZone')
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
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    document.cookie =
      'cv_tz=' +
      encodeURIComponent((clock === 'utc' ? 'utc' : 'local') + ':' + zone) +
      '; path=/; max-age=31536000; samesite=lax'
  } catch (error) {
    // No Intl or cookies blocked: pages render in UTC, and the app switches after it loads.
  }
})()
