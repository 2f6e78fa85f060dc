// Hearth as an installable app (docs/adr/0116-installable-app-and-web-push.md): the service worker
// at /sw.js keeps only versioned static files and the offline page, never a private page.
(function () {
  'use strict';
  if ('serviceWorker' in navigator && window.isSecureContext) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* Hearth works without it. */ });
    });
  }
})();
