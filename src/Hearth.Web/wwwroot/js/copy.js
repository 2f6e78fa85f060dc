// Copy buttons: <button data-copy="id-of-input" data-copy-status="id-of-status">. Copies the field's
// text and says so in a short confirmation; without the clipboard API the text is selected instead.
// The page passes the confirmations in its language: data-text-copied, data-text-selected (English otherwise).
(function () {
  "use strict";
  function say(button, text) {
    var status = document.getElementById(button.getAttribute("data-copy-status") || "");
    if (status) { status.textContent = text; }
  }
  function words(button, name, english) { return button.getAttribute("data-text-" + name) || english; }
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) { return; }
    var text = source.value || source.textContent || "";
    function selected() {
      source.focus();
      if (source.select) { source.select(); }
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      say(button, done ? words(button, "copied", "Copied.") : words(button, "selected", "Selected. Copy it with your device's copy command."));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say(button, words(button, "copied", "Copied.")); }, selected);
    } else {
      selected();
    }
  });
})();
