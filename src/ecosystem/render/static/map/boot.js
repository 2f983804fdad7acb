/* Boot: create the network, wire events, expose the test hook, start.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  /* ------------------------------------------------------------ boot */
  function boot() {
    container = $("network");
    buildUI();
    setMetric(metrics[0].key);
    rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 17;
    nodesDS = new vis.DataSet(nodes.map(function (_, i) { nodeLooks[i] = nodeLook(i); return nodeItem(i); }));
    edgesDS = new vis.DataSet(edges.map(function (_, j) { edgeLooks[j] = "base"; return edgeItem(j, true); }));
    var options = {
      autoResize: true,
      physics: { enabled: false },
      layout: { improvedLayout: false, randomSeed: (META.seed | 0) || 1 },
      groups: visGroups(),
      nodes: { shape: "dot", font: { face: FACE } },
      edges: { smooth: BIG ? false : { enabled: true, type: "continuous", roundness: 0.18 },
               color: EDGE_COLORS.base, width: 1, arrows: { to: { enabled: false, scaleFactor: 0.6 } },
               selectionWidth: 1.5, hoverWidth: 1 },
      interaction: { dragNodes: false, dragView: true, zoomView: true, hover: !BIG, tooltipDelay: 150,
                     hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, multiselect: false,
                     navigationButtons: false, keyboard: false, selectConnectedEdges: false }
    };
    network = new vis.Network(container, { nodes: nodesDS, edges: edgesDS }, options);
    /* vis-network makes its frame a tab stop, but with keyboard navigation off it does nothing there:
       keyboard users choose actors with the search box or the actors' table instead */
    container.querySelectorAll("[tabindex]").forEach(function (e) { e.tabIndex = -1; });
    network.on("beforeDrawing", drawTarget);
    (function () {   /* use the veil only if this vis build exposes what it needs */
      var b = network.body, n0 = N ? b && b.nodes && b.nodes[nodes[0].id] : null;
      var e0 = edges.length ? b && b.edges && b.edges.e0 : null;
      state.veil = !!(n0 && typeof n0.draw === "function" &&
                      (!edges.length || (e0 && typeof e0.draw === "function" && typeof e0.drawArrows === "function")));
    })();
    network.on("afterDrawing", drawOverlay);
    network.on("click", function (params) {
      if (params.nodes && params.nodes.length) focusIndex(idx.get(params.nodes[0]), {});
      else if (!params.edges || !params.edges.length) unfocus();
    });
    fitView(false);
    network.once("afterDrawing", function () {
      /* next animation frame: parsing is done and the first drawing gets painted */
      requestAnimationFrame(function () {
        document.body.dataset.readyMs = String(Math.round(performance.now()));
        document.body.dataset.ready = "1";
      });
    });
    updateStats();
    var rt = null;
    window.addEventListener("resize", function () {
      clearTimeout(rt);
      rt = setTimeout(function () {
        rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || rootPx;
        if (state.focus === null) fitView(false);
      }, 150);
    });
    window.addEventListener("beforeprint", preparePrint);
  }

  /* ------------------------------------------------------------ test hook */
  window.ecosystemMap = {
    nodeCount: function () { return N; },
    edgeCount: function () { return edges.length; },
    visibleNodeCount: visibleNodeCount,
    visibleEdgeCount: visibleEdgeCount,
    view: function () { return state.view; },
    /* the view whose positions are final (null while actors move between views) */
    settledView: function () { return document.body.dataset.settledView || null; },
    setView: setView,
    focus: function (id) { return idx.has(String(id)) ? focusIndex(idx.get(String(id)), { center: true }) : false; },
    unfocus: function () { unfocus(); return true; },
    focusedId: function () { return state.focus === null ? null : nodes[state.focus.i].id; },
    filterRelationType: function (key, on) { return setChecked(rtypeByKey.get(String(key)), on); },
    filterGroup: function (key, on) { return setChecked(groupByKey.get(String(key)), on); },
    setMetric: setMetric,
    metric: function () { return state.metric; },
    nodeSize: function (id) { return idx.has(id) ? state.sizes[idx.get(id)] : null; },
    position: function (id) { var p = network.getPositions([id])[id]; return p ? { x: p.x, y: p.y } : null; },
    domPosition: function (id) {
      var p = network.getPositions([id])[id];
      if (!p) return null;
      var d = network.canvasToDOM(p), r = container.getBoundingClientRect();
      return { x: r.left + d.x, y: r.top + d.y };
    },
    fit: function () { fitView(false); return true; },
    /* names: the target view names only the core and the candidates unless all names are on */
    setAllNames: setAllNames,
    allNames: function () { return state.allNames; },
    labelsDrawn: function () { return state.labelsDrawn; },
    /* the drawn name labels and the actors' circles, in page coordinates */
    labelBoxes: function () {
      var r = container.getBoundingClientRect();
      return state.labelBoxes.map(function (b) {
        return { id: b.id, x0: r.left + b.x0, y0: r.top + b.y0, x1: r.left + b.x1, y1: r.top + b.y1 };
      });
    },
    markerDiscs: function () {
      var r = container.getBoundingClientRect(), sc = network.getScale(), ps = network.getPositions();
      return nodes.map(function (n, i) {
        if (nodeHidden[i]) return null;
        var d = network.canvasToDOM(ps[n.id]);
        return { id: n.id, x: r.left + d.x, y: r.top + d.y, r: state.sizes[i] * sc, core: isCore(i),
                 candidate: rankOf(i) != null };
      }).filter(function (d) { return d !== null; });
    },
    preparePrint: preparePrint,
    readyMs: function () { return Number(document.body.dataset.readyMs || NaN); },
    /* the target view's group titles as drawn, in page coordinates: {group, text, x0, y0, x1, y1} */
    titleBoxes: function () {
      var r = container.getBoundingClientRect();
      return (state.view === "target" ? state.titleBoxes || [] : []).map(function (b) {
        return { group: b.group, text: b.text, x0: r.left + b.x0, y0: r.top + b.y0, x1: r.left + b.x1, y1: r.top + b.y1 };
      });
    },
    /* target-view rings in canvas units, innermost first: {r, label, core} */
    rings: function () { return pos.rings.map(function (g) { return { r: g.r, label: g.label, core: g.core }; }); },
    /* what vis-network actually draws: visible items, and actors drawn with the core border */
    drawnNodeCount: function () { return network.body.nodeIndices.length; },
    drawnEdgeCount: function () { return network.body.edgeIndices.length; },
    coreMarkedCount: function () {
      return network.body.nodeIndices.filter(function (id) {
        var g = nodesDS.get(id).group; return typeof g === "string" && g.charAt(g.length - 1) === "c";
      }).length;
    },
    network: function () { return network; }
  };

  boot();
