// Starts the app once the browser has painted the page the server rendered (issue 14). The app's
// script is fetched and compiled meanwhile (`<link rel="modulepreload" id="cv-app">`), but run
// only after the first frame: run at once, on a fast connection it held the first paint back by
// the time it takes to run (a fifth of a second on a small machine). A classic script, deferred.
;(function () {
  var app = document.getElementById('cv-app')
  if (!app) return
  requestAnimationFrame(function () {
    setTimeout(function () {
      import(app.href)
    }, 0)
  })
})()
