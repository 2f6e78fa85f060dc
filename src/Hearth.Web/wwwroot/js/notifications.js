// Notifications on this device (docs/adr/0116-installable-app-and-web-push.md), as a progressive
// enhancement: the button shows only where the browser can do Web Push. The page passes its
// sentences in the reader's language (data-text-*).
(function () {
  "use strict";
  var supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window && window.isSecureContext;
  var area = document.querySelector("[data-push-area]");
  var unavailable = document.querySelector("[data-push-unavailable]");
  if (area) { area.hidden = !supported; }
  if (unavailable) { unavailable.hidden = supported; }
  if (!supported) { return; }

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Hearth-Request": "1" },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function say(button, name) {
    var status = document.getElementById(button.getAttribute("data-status") || "");
    if (status) { status.textContent = button.getAttribute("data-text-" + name) || ""; }
  }

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  async function turnOn(button) {
    say(button, "working");
    var permission = await Notification.requestPermission();
    if (permission !== "granted") { say(button, "blocked"); return; }
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    var registration = await navigator.serviceWorker.ready;
    var key = await api("GET", "/api/v1/account/push/key");
    if (!key.ok) { say(button, "failed"); return; }
    var publicKey = (await key.json()).publicKey;
    var subscription = await registration.pushManager.getSubscription();
    if (!subscription) {
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    }

    var saved = await api("POST", "/api/v1/account/push/devices", subscription.toJSON());
    if (!saved.ok) { say(button, "failed"); return; }
    window.location.assign("/account/notifications?done=added");
  }

  async function test(button) {
    var sent = await api("POST", "/api/v1/account/push/test");
    say(button, sent.ok ? "sent" : "failed");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-push]");
    if (!button) { return; }
    var work = button.getAttribute("data-push") === "on" ? turnOn : test;
    button.disabled = true;
    work(button).catch(function () { say(button, "failed"); }).finally(function () { button.disabled = false; });
  });
})();
