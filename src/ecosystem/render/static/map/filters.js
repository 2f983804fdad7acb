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
  /* the actors tied to actor i over visible relations: index -> the labels of those relations */
  function neighbours(i) {
    var nb = new Map();
    adj[i].forEach(function (j) {
      if (edgeHidden[j]) return;
      var e = edges[j], k = idx.get(e.from === nodes[i].id ? e.to : e.from);
      if (!nb.has(k)) nb.set(k, new Set());
      e.types.forEach(function (ty) { nb.get(k).add(rtypeByKey.get(ty).label); });
    });
    return nb;
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
    var inside = $("details").contains(document.activeElement);
    state.focus = null;
    syncLooks(false);
    network.unselectAll();
    $("details").hidden = true;
    document.body.classList.remove("has-focus");
    if (inside) restoreFocus();   /* the keyboard focus was in the panel: not lost with it */
  }

  /* ------------------------------------------------------------ keyboard focus (WCAG 2.4.3)
     An actor chosen with a control (a search result, Enter in the search box, a neighbour in the
     panel, a name in the actors' table) takes the keyboard focus to the panel's heading. Closing the
     panel (its button, or Escape) with the focus inside it brings the focus back to that control, or
     to the search box if the control is gone (search results are removed once one is chosen). A
     neighbour keeps the control the panel was first opened from. Clicks on the map move no focus. */
  var returnTo = null;
  function chooseActor(i, from) {
    if (!focusIndex(i, { center: true })) return false;
    if (!from || !$("details").contains(from)) returnTo = from || null;
    $("details-name").focus();
    return true;
  }
  function restoreFocus() {
    var back = returnTo;
    returnTo = null;
    if (!back || !back.isConnected || !back.getClientRects().length) back = $("search");
    back.focus();
  }

