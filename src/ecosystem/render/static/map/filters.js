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
  /* Whose core and candidates the map marks: the whole data set's (marks null), or with a region chosen
     that region's own, from its own analysis (payload region_marks: ecosystem.meeting.region_marks;
     none: the region has no analysis). A region the payload has no marks for keeps the whole data set's,
     and the text under the markers says so. */
  var REGION_MARKS = P.region_marks || {};
  var marks = null;
  function setMarks() {
    marks = null;
    if (!regionOn || !Object.prototype.hasOwnProperty.call(REGION_MARKS, regionOn)) return;
    var m = REGION_MARKS[regionOn];
    marks = { core: new Set(), rank: new Map(), labels: new Map(), none: !m };
    if (!m) return;
    (m.core || []).forEach(function (id) { if (idx.has(String(id))) marks.core.add(idx.get(String(id))); });
    (m.candidates || []).forEach(function (c) {
      if (idx.has(String(c.id))) marks.rank.set(idx.get(String(c.id)), c.rank);
    });
    (m.labels || []).forEach(function (l) {
      if (idx.has(String(l.id)) && Array.isArray(l.lines)) marks.labels.set(idx.get(String(l.id)), l.lines.map(String));
    });
  }
  function isCore(i) { return marks ? marks.core.has(i) : nodes[i].core === true; }
  function rankOf(i) {
    if (marks) return marks.rank.has(i) ? marks.rank.get(i) : null;
    return nodes[i].orchestrator_rank != null ? nodes[i].orchestrator_rank : null;
  }
  function labelOf(i) { return marks && marks.labels.has(i) ? marks.labels.get(i) : nodes[i].label_lines; }
  function marksText() {
    return !marks ? t("marks_whole") : marks.none ? t("marks_none", { region: regionOn })
                                                  : t("marks_region", { region: regionOn });
  }
  /* a region was chosen: mark its core and candidates (border, star, names, label order) */
  function applyMarks() {
    setMarks();
    labelText = nodes.map(function (_, i) { return labelOf(i); });
    labelW.fill(-1);
    computeLabelOrder();
    nodesDS.update(nodes.map(function (n, i) {
      nodeLooks[i] = nodeLook(i);
      return { id: n.id, group: nodeLooks[i], shape: rankOf(i) != null ? "star" : "dot", title: nodeTitle(i) };
    }));
    $("marks-scope").textContent = marksText();
    if (actorRows) actorRows.forEach(syncMarkCells);
  }
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
  /* Every count on screen follows the filters: a group's actors and a relation type's ties among the
     actors shown (its own box ticked or not: what ticking it would show), the core actors shown, and
     the target view's titles. */
  function updateCounts() {
    groups.forEach(function (g) { g.count = 0; });
    rtypes.forEach(function (r) { r.count = 0; });
    var nCore = 0;
    nodes.forEach(function (n, i) {
      if (!inRegion(n)) return;
      groupByKey.get(n.group).count++;
      if (!nodeHidden[i] && isCore(i)) nCore++;
    });
    edges.forEach(function (e) {
      if (nodeHidden[idx.get(e.from)] || nodeHidden[idx.get(e.to)]) return;
      Array.from(new Set(e.types)).forEach(function (k) { rtypeByKey.get(k).count++; });
    });
    groups.concat(rtypes).forEach(function (r) { if (r.countEl) r.countEl.textContent = NF_INT.format(r.count); });
    $("core-count").textContent = "(" + NF_INT.format(nCore) + ")";
    titles.forEach(function (tt) {
      tt.lines = tt.live.map(function (line) { return line.split("{n}").join(NF_INT.format(tt.g.count)); });
    });
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

