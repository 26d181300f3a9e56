/* Calendar pages: grey out sessions that are over, compared with the reader's clock.
   Optional (the pages work without it); external file, so it passes CSP default-src 'self'. */
(function () {
  "use strict";
  var now = Date.now();
  function end(el) {
    var t = el.querySelector(".dt-end") || el.querySelector(".dt-start");
    var v = t && (t.getAttribute("datetime") || t.getAttribute("value"));
    if (!v) return NaN;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {            /* a whole day: over at the next midnight */
      var p = v.split("-");
      return new Date(+p[0], +p[1] - 1, +p[2] + 1).getTime();
    }
    return Date.parse(v);
  }
  var events = document.querySelectorAll(".h-event");
  for (var i = 0; i < events.length; i++) {
    if (end(events[i]) <= now) events[i].classList.add("is-past");
  }
})();
