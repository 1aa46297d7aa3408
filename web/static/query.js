// Progressive enhancement of /query: YASGUI (npm @zazuko/yasgui) replaces the plain form when it loads.
// The query lives in the page URL (?query=…) so every state is shareable; without JS the form still works.
(function () {
  "use strict";
  var box = document.getElementById("yasgui");
  var form = document.getElementById("fallback");
  if (!box || !form || typeof window.Yasgui === "undefined") {
    return; // the server-rendered form and table stay in charge
  }
  var textarea = document.getElementById("query-text");
  var queryPath = box.getAttribute("data-query-path");

  function share(query) {
    var url = queryPath + "?query=" + encodeURIComponent(query);
    window.history.replaceState(null, "", url);
  }

  var yasgui = new window.Yasgui(box, {
    requestConfig: { endpoint: box.getAttribute("data-endpoint"), method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return []; } },
  });
  // YASGUI leaves its endpoint box and the editor's hidden textarea unlabelled: label them for screen readers
  function label() {
    box.querySelectorAll("input.autocomplete:not([aria-label])").forEach(function (el) {
      el.setAttribute("aria-label", "SPARQL 端点 endpoint");
    });
    box.querySelectorAll(".CodeMirror textarea:not([aria-label])").forEach(function (el) {
      el.setAttribute("aria-label", "SPARQL 查询 query");
    });
  }
  label();
  new MutationObserver(label).observe(box, { childList: true, subtree: true });
  box.hidden = false;
  form.hidden = true;
  var results = document.getElementById("results");
  if (results) {
    results.hidden = true; // YASR shows the same rows
  }

  var tab = yasgui.getTab();
  tab.setQuery(textarea.value);
  tab.getYasqe().on("query", function (yasqe) {
    share(yasqe.getValue());
  });
  if (new URLSearchParams(window.location.search).has("query")) {
    tab.query();
  }

  document.querySelectorAll("a.example").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var query = link.getAttribute("data-sparql");
      var current = yasgui.getTab();
      current.setQuery(query);
      share(query);
      current.query();
      box.scrollIntoView();
    });
  });
})();
