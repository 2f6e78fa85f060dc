// Fills hidden time-zone fields with the browser's own zone (an IANA id such as "Europe/Lisbon"),
// so a pair's "today" starts at their own midnight. Without scripts the account uses UTC, which the
// person can change under Settings.
(function () {
  "use strict";
  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    zone = "";
  }
  function fill() {
    var fields = document.querySelectorAll("input[data-time-zone]");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].value) {
        fields[i].value = zone;
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
})();
