/* Filters and focus: which actors and ties pass the group and relation filters.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  /* ------------------------------------------------------------ filters */
  function edgePasses(j) {
    var e = edges[j];
    if (nodeHidden[idx.get(e.from)] || nodeHidden[idx.get(e.to)]) return false;
    if (!e.types.length) return true;
    for (var k = 0; k < e.types.length; k++) if (rtypeByKey.get(e.types[k]).on) return true;
    return false;
  }
  var nodesDS, edgesDS, network, container;
  /* filter by arbeidsmarktregio ("" = all) */
  var regionOn = "";
  function inRegion(n) { return !regionOn || (Array.isArray(n.regions) && n.regions.indexOf(regionOn) >= 0); }
  function applyFilters() {
    var nUpd = [], eUpd = [];
    nodes.forEach(function (n, i) {
      var h = !groupByKey.get(n.group).on || !inRegion(n);
      if (h !== nodeHidden[i]) { nodeHidden[i] = h; nUpd.push({ id: n.id, hidden: h }); }
    });
    edges.forEach(function (e, j) {
      var h = !edgePasses(j);
      if (h !== edgeHidden[j]) { edgeHidden[j] = h; eUpd.push({ id: "e" + j, hidden: h }); }
    });
    if (nUpd.length) nodesDS.update(nUpd);
    if (eUpd.length) edgesDS.update(eUpd);
    if (state.focus !== null) {
      if (nodeHidden[state.focus.i]) unfocus(); else focusIndex(state.focus.i, { keepView: true });
    }
    updateStats();
  }
  function visibleNodeCount() { return nodeHidden.filter(function (h) { return !h; }).length; }
  function visibleEdgeCount() { return edgeHidden.filter(function (h) { return !h; }).length; }

  /* ------------------------------------------------------------ focus */
  function focusIndex(i, opts) {
    opts = opts || {};
    if (i === undefined || i === null || nodeHidden[i]) return false;
    var set = new Set([i]), es = new Set();
    adj[i].forEach(function (j) {
      if (edgeHidden[j]) return;
      es.add(j); set.add(idx.get(edges[j].from)); set.add(idx.get(edges[j].to));
    });
    state.focus = { i: i, set: set, edges: es };
    syncLooks(false);
    network.selectNodes([nodes[i].id], false);
    showDetails(i);
    document.body.classList.add("has-focus");
    if (opts.center) {
      /* centre the actor in the part of the map the side panel leaves free */
      var p = network.getPositions([nodes[i].id])[nodes[i].id];
      var sc = BIG ? Math.max(network.getScale(), state.fitScale * 1.5) : network.getScale();
      var free = $("details").offsetWidth || 0;
      network.moveTo({ position: { x: p.x + free / 2 / sc, y: p.y }, scale: sc,
                       animation: motion() ? { duration: 450, easingFunction: "easeInOutQuad" } : false });
    }
    return true;
  }
  function unfocus() {
    if (state.focus === null) return;
    state.focus = null;
    syncLooks(false);
    network.unselectAll();
    $("details").hidden = true;
    document.body.classList.remove("has-focus");
  }

