/* Search page: replaces the plain form (which leads to the A–Z list) by Pagefind's search UI,
   loaded from the site's own pagefind/ bundle. Progressive enhancement: without JavaScript, or
   when the bundle cannot be loaded, the page keeps the form and the A–Z link.
   data-variants: letters of Arabic-script languages written two ways (ي/ی, ك/ک), replaced in the
   query as the index was built (plugins/pelican/plugins/search/letters.py). External file: CSP default-src 'self'. */
(function () {
  "use strict";
  var root = document.getElementById("search");
  var form = document.getElementById("search-form");
  if (!root || !form || !window.fetch || !window.WebAssembly) return;
  var bundle = root.getAttribute("data-bundle");
  var variants = JSON.parse(root.getAttribute("data-variants") || "{}");
  function normalize(term) {
    return term.replace(/./g, function (c) { return variants.hasOwnProperty(c) ? variants[c] : c; });
  }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-ui.css";
  document.head.appendChild(css);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    var typed = form.elements.q.value;
    var query = new URLSearchParams(window.location.search).get("q") || typed;
    /* global PagefindUI */
    var ui = new PagefindUI({
      element: "#search", bundlePath: bundle, showImages: false, showSubResults: true,
      resetStyles: false, processTerm: normalize, autofocus: !!typed
    });
    form.hidden = true;
    /* Pagefind's field has only a title; give it the form's visible label. */
    var input = root.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.id = "search-input";
      var label = form.querySelector("label").cloneNode(true);
      label.removeAttribute("id");
      label.htmlFor = "search-input";
      root.parentNode.insertBefore(label, root);
    }
    if (query) ui.triggerSearch(query);
  };
  script.onerror = function () { css.remove(); };  /* no bundle (the preview): the form stays */
  document.head.appendChild(script);
})();
