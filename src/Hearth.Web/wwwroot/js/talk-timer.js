// The talk-through's optional timers: <button hidden data-timer-minutes="3" data-timer-status="id">.
// Without JavaScript the buttons stay hidden and each step shows its suggested minutes; with it,
// a button starts (or stops) a gentle countdown for that step, said in a polite live region.
// The page passes the words in its language: data-text-left ("{0} left"), -done, -stop, -start.
(function () {
  "use strict";
  var running = null;
  function words(button, name) { return button.getAttribute("data-text-" + name) || ""; }
  function status(button) { return document.getElementById(button.getAttribute("data-timer-status") || ""); }
  function clock(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }
  function stop() {
    if (!running) { return; }
    clearInterval(running.interval);
    running.button.textContent = words(running.button, "start");
    running.button.setAttribute("aria-pressed", "false");
    running = null;
  }
  document.querySelectorAll("[data-timer-minutes]").forEach(function (button) {
    button.hidden = false;
    button.setAttribute("aria-pressed", "false");
  });
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-timer-minutes]") : null;
    if (!button) { return; }
    if (running && running.button === button) {
      stop();
      var here = status(button);
      if (here) { here.textContent = ""; }
      return;
    }
    stop();
    var left = parseInt(button.getAttribute("data-timer-minutes"), 10) * 60;
    var out = status(button);
    button.textContent = words(button, "stop");
    button.setAttribute("aria-pressed", "true");
    if (out) { out.textContent = words(button, "left").replace("{0}", clock(left)); }
    running = {
      button: button,
      interval: setInterval(function () {
        left -= 1;
        if (left <= 0) {
          stop();
          if (out) { out.textContent = words(button, "done"); }
          return;
        }
        // Say the time once a minute; the live region would be noisy every second.
        if (out && left % 60 === 0) { out.textContent = words(button, "left").replace("{0}", clock(left)); }
      }, 1000),
    };
  });
})();
