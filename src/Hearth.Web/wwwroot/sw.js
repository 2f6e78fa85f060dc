// Hearth's service worker (docs/adr/0116-installable-app-and-web-push.md).
// It keeps exactly two kinds of thing: static files whose address carries a version (?v=, from
// asp-append-version, so an address never changes meaning) and the offline page. Every other
// request, every page a person reads and every API answer, goes to the network untouched and is
// never written to a cache: private pages are Cache-Control: no-store and stay that way here too.
'use strict';

const CACHE = 'hearth-static-v1';
const OFFLINE = '/offline';

function isVersionedStatic(url) {
  return url.origin === self.location.origin
    && /^\/(css|js|img)\//.test(url.pathname)
    && url.searchParams.has('v');
}

async function keepOfflinePage() {
  const cache = await caches.open(CACHE);
  const response = await fetch(OFFLINE, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }

  // The offline page's own versioned stylesheet, so it still looks like Hearth without a network.
  const html = await response.clone().text();
  const assets = Array.from(html.matchAll(/(?:href|src)="([^"]+)"/g), m => new URL(m[1].replace(/&amp;/g, '&'), self.location.origin))
    .filter(isVersionedStatic);
  await cache.put(OFFLINE, response);
  await Promise.all(assets.map(url => cache.add(url.href).catch(() => undefined)));
}

self.addEventListener('install', event => {
  event.waitUntil(keepOfflinePage().then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== CACHE).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }

  const url = new URL(request.url);
  if (isVersionedStatic(url)) {
    event.respondWith(caches.open(CACHE).then(async cache => {
      const kept = await cache.match(request);
      if (kept) {
        return kept;
      }

      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        await cache.put(request, response.clone());
      }

      return response;
    }));
    return;
  }

  if (request.mode === 'navigate') {
    // Pages always come from the network; only when there is none, the offline page.
    event.respondWith(fetch(request).catch(async () => (await caches.match(OFFLINE)) || Response.error()));
  }
});

// Web Push: the payload holds only neutral words and a page of Hearth to open (never anything personal).
self.addEventListener('push', event => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = {};
  }

  const title = typeof data.title === 'string' ? data.title : 'Hearth';
  event.waitUntil(self.registration.showNotification(title, {
    body: typeof data.body === 'string' ? data.body : '',
    icon: '/img/icon-192.png',
    tag: 'hearth',
    data: { url: sameOriginPath(data.url) },
  }));
});

function sameOriginPath(value) {
  try {
    const url = new URL(typeof value === 'string' ? value : '/', self.location.origin);
    return url.origin === self.location.origin ? url.pathname + url.search + url.hash : '/';
  } catch (e) {
    return '/';
  }
}

self.addEventListener('notificationclick', event => {
  event.notification.close();
  const target = sameOriginPath(event.notification.data && event.notification.data.url);
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(windows => {
    for (const client of windows) {
      if (new URL(client.url).origin === self.location.origin && 'focus' in client) {
        return client.navigate(target).then(c => (c || client).focus());
      }
    }

    return self.clients.openWindow(target);
  }));
});
