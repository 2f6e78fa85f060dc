// Quick exit: the button, or Shift pressed three times within a second and a half, blanks the page
// and replaces this history entry with a neutral page (location.replace, so Back does not return).
(function () {
  "use strict";
  var exitUrl = document.body ? document.body.getAttribute("data-exit-url") || "/exit" : "/exit";

  function leave(event) {
    if (event) { event.preventDefault(); }
    try {
      document.title = "New tab";
      document.documentElement.innerHTML = "";
    } catch (e) { /* keep going: leaving matters more */ }
    window.location.replace(exitUrl);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-quick-exit]")) { leave(event); }
  });

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) { presses = []; leave(null); }
  });

  // Tells tests (and curious readers) that quick exit is listening.
  document.documentElement.setAttribute("data-quick-exit-ready", "true");

  // Progressive enhancement: select the invitation link on focus so it is easy to copy.
  document.addEventListener("focusin", function (event) {
    var t = event.target;
    if (t && t.hasAttribute && t.hasAttribute("data-copy-source")) { t.select(); }
  });
})();
