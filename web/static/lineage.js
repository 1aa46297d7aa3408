// The lineage graph: cytoscape.js (npm) over the elements the server embedded in #lineage-data.
// Pan and zoom are cytoscape's; a click (or Enter on the focused node list) opens the node's page.
(function () {
  "use strict";
  // auto-apply the filters: the form works without JS, this only saves a click (also when the selection is
  // too large to draw and the page asks the reader to narrow it)
  var filters = document.getElementById("lineage-filters");
  if (filters) {
    filters.addEventListener("change", function () { filters.submit(); });
  }
  var box = document.getElementById("cy");
  var data = document.getElementById("lineage-data");
  if (!box || !data || typeof window.cytoscape === "undefined") {
    return; // no graph (none drawn, or no script): the tables below carry the same information
  }
  var cy = window.cytoscape({
    container: box,
    elements: JSON.parse(data.textContent),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "background-color": "data(colour)", label: "data(label)", "font-size": 15, color: "#1c1f24",
          "text-background-color": "#fbfbfa", "text-background-opacity": 0.8,
          "text-wrap": "wrap", "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 4,
          width: 18, height: 18,
          "font-family": "Noto Sans CJK SC, sans-serif" } },
      { selector: "node[kind = 'project'], node[kind = 'task']", style: { shape: "round-rectangle", width: 14, height: 14 } },
      { selector: "node[?curated]", style: { "border-width": 2, "border-color": "#f2a900" } },
      { selector: "edge", style: {
          "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
          "curve-style": "bezier", width: 2 } },
      // relation names only on hover/selection: the colour (legend) says it without cluttering the picture
      { selector: "edge:selected, edge.hover", style: {
          label: "data(label)", "font-size": 10, color: "#1c1f24", "text-rotation": "autorotate",
          "text-background-color": "#fff", "text-background-opacity": 0.9 } },
      { selector: "edge[!extracted]", style: { "line-style": "dashed" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f2a900" } },
    ],
    layout: {
      name: "cose", animate: false, randomize: false, padding: 30,
      nodeRepulsion: function () { return 120000; }, idealEdgeLength: function () { return 70; },
      componentSpacing: 120, nodeOverlap: 20, gravity: 0.6,
    },
  });
  cy.on("mouseover", "edge", function (event) { event.target.addClass("hover"); });
  cy.on("mouseout", "edge", function (event) { event.target.removeClass("hover"); });
  cy.on("tap", "node", function (event) {
    var href = event.target.data("href");
    if (href) {
      window.location.href = href;
    }
  });
  window.budgetkgLineage = cy; // for the browser tests and for curious users in the console
})();
