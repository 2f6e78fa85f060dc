// Passkeys, as a progressive enhancement: the buttons stay hidden where the browser can't do
// WebAuthn with JSON options. The ceremony state stays on the server (an encrypted cookie).
(function () {
  "use strict";
  var PKC = window.PublicKeyCredential;
  var supported = !!(PKC && PKC.parseCreationOptionsFromJSON && PKC.parseRequestOptionsFromJSON && navigator.credentials);
  var controls = document.querySelectorAll("[data-passkey], [data-passkey-area]");
  for (var i = 0; i < controls.length; i++) { if (supported) { controls[i].hidden = false; } }
  if (!supported) { return; }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      // JSON always (an empty body too), and our own header: a form on another site can send neither.
      headers: { "Content-Type": "application/json", "X-Hearth-Request": "1" },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  // Only ever a path on this site: the server renders a checked address (ReturnUrls.IsLocal), and
  // the script checks again, so a crafted link cannot send anyone elsewhere after signing in.
  function localPath(value) {
    var fallback = "/spaces";
    if (typeof value !== "string" || !/^\/(?![\/\\])[^\s\\\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]*$/.test(value)) { return fallback; }
    try {
      var url = new URL(value, window.location.origin);
      return url.origin === window.location.origin ? url.pathname + url.search + url.hash : fallback;
    } catch (e) { return fallback; }
  }

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("data-status") || "");
    if (status) { status.textContent = text; }
  }

  // The page passes every sentence in the reader's language (data-text-prompt, data-text-not-added,
  // data-text-not-signed-in, data-text-unfinished): the script has no words of its own
  // (ScriptTextTests holds every page that loads it to that).
  function words(button, name) { return button.getAttribute("data-text-" + name) || ""; }

  async function problemText(response, fallback) {
    try { var p = await response.json(); return p.detail || fallback; } catch (e) { return fallback; }
  }

  async function addPasskey(button) {
    say(button, words(button, "prompt"));
    var nameField = document.getElementById(button.getAttribute("data-name-field") || "");
    var options = await (await post("/api/v1/account/passkeys/creation-options")).json();
    var credential = await navigator.credentials.create({ publicKey: PKC.parseCreationOptionsFromJSON(options) });
    var saved = await post("/api/v1/account/passkeys", { credential: credential.toJSON(), name: nameField ? nameField.value : "" });
    if (saved.ok) { window.location.assign("/account/security?done=passkey-added"); return; }
    say(button, await problemText(saved, words(button, "not-added")));
  }

  async function signIn(button) {
    say(button, words(button, "prompt"));
    var options = await (await post("/api/v1/account/passkeys/request-options")).json();
    var credential = await navigator.credentials.get({ publicKey: PKC.parseRequestOptionsFromJSON(options) });
    var result = await post("/api/v1/account/passkeys/sign-in", { credential: credential.toJSON() });
    if (result.ok) { window.location.assign(localPath(button.getAttribute("data-return-url"))); return; }
    say(button, await problemText(result, words(button, "not-signed-in")));
  }

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-passkey]") : null;
    if (!button) { return; }
    event.preventDefault();
    var action = button.getAttribute("data-passkey") === "add" ? addPasskey : signIn;
    action(button).catch(function () { say(button, words(button, "unfinished")); });
  });
})();
