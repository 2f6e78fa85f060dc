// One submission, one item (docs/adr/0017). Each create form carries a one-time token. Hearth's
// pages are never cached, so Back loads the form anew (with a new token) while the browser puts
// back what was typed: Send again would then be a new submission. So the token is kept with this
// place in the history (history.state) and put back when the person returns to it: the repeat
// sends the first token and Hearth stores nothing twice. Without scripts the token still stops a
// double tap.
(function () {
  "use strict";
  var inputs = document.querySelectorAll('input[name="SubmissionToken"]');
  if (inputs.length === 0 || !window.history || !history.replaceState) {
    return;
  }

  var state = history.state && typeof history.state === "object" ? history.state : {};
  var kept = state.hearthSubmissions && typeof state.hearthSubmissions === "object" ? state.hearthSubmissions : {};
  var tokens = {};
  inputs.forEach(function (input, index) {
    var key = (input.form && input.form.getAttribute("action")) || String(index);
    if (typeof kept[key] === "string") {
      input.value = kept[key];
    }

    tokens[key] = input.value;
  });

  var next = {};
  Object.keys(state).forEach(function (name) { next[name] = state[name]; });
  next.hearthSubmissions = tokens;
  try {
    history.replaceState(next, "");
  } catch (e) {
    // Nothing to keep it in: the token still stops a double tap.
  }
})();
