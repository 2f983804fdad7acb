/* State: what is shown, sizes, labels and the vis-network items built from them.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  /* ------------------------------------------------------------ state */
  var state = { veil: false, view: "network", metric: metrics[0].key, focus: null, sizes: [], fitScale: 1,
                allNames: false, labelsDrawn: 0, labelBoxes: [] };
  var nodeHidden = nodes.map(function () { return false; });
  var edgeHidden = edges.map(function () { return false; });

  function sizesFor(metricKey) {
    /* the payload's circle sizes (map_payload.marker_scale: one rule for the page and the label placer) */
    var m = metrics.filter(function (x) { return x.key === metricKey; })[0];
    var k = m ? m.index : -1;
    return { lo: m ? m.lo : null, hi: m ? m.hi : null, sizes: nodes.map(function (n) {
      var s = k >= 0 && Array.isArray(n.sizes) ? n.sizes[k] : null;
      return typeof s === "number" && isFinite(s) ? s : 10;
    }) };
  }
  /* label priority: orchestrator candidates by rank, then core actors, then by size */
  var labelOrder = [];
  function computeLabelOrder() {
    function tier(i) { return rankOf(i) != null ? 0 : isCore(i) ? 1 : 2; }
    labelOrder = nodes.map(function (_, i) { return i; }).sort(function (a, b) {
      var ta = tier(a), tb = tier(b);
      if (ta !== tb) return ta - tb;
      if (ta === 0 && rankOf(a) !== rankOf(b)) return rankOf(a) - rankOf(b);
      return state.sizes[b] - state.sizes[a] || a - b;
    });
  }

  function nodeTitle(i) {
    var n = nodes[i], g = groupByKey.get(n.group), rank = rankOf(i);
    var lines = [n.name, g.label + (n.type ? " \u00b7 " + n.type : "")];
    if (isCore(i)) lines.push(t("core"));
    if (rank != null) lines.push(t("orchestrator") + " (" + t("orchestrator_rank", { rank: rank }) + ")");
    return lines.join("\n");   /* plain text: vis-network 9 sets string titles with innerText */
  }

  var FACE = STYLE.face;
  /* vis groups carry the colours, so node items stay small (fast to build and
     update); internal names only -- user group keys never become object keys */
  var DIM = { background: STYLE.dim_fill, border: STYLE.dim_border };
  function visGroups() {
    var out = {};
    function make(bg, border, core, dim) {
      return {
        color: { background: bg, border: border,
                 highlight: { background: bg, border: STYLE.selected }, hover: { background: bg, border: STYLE.selected } },
        borderWidth: core ? 5 : 1.5, borderWidthSelected: core ? 7 : 4
      };
    }
    groups.forEach(function (g, k) {
      out["g" + k] = make(g.color, g.border, false, false);
      out["g" + k + "c"] = make(g.color, STYLE.core_border, true, false);
    });
    out.dim = make(DIM.background, DIM.border, false, true);
    out.dimc = make(DIM.background, STYLE.dim_core_border, true, true);
    return out;
  }
  groups.forEach(function (g, k) { g.vis = "g" + k; });

  function nodeLook(i) {   /* the vis group: colour, core border, dimmed (fallback focus only) */
    var n = nodes[i], focus = state.focus, dim = !state.veil && focus !== null && !focus.set.has(i);
    return (dim ? "dim" : groupByKey.get(n.group).vis) + (isCore(i) ? "c" : "");
  }
  function nodeItem(i) {
    var n = nodes[i], p = pos[state.view][i];
    var item = { id: n.id, group: nodeLook(i), size: state.sizes[i], x: p.x, y: p.y, title: nodeTitle(i) };
    if (rankOf(i) != null) item.shape = "star";
    if (nodeHidden[i]) item.hidden = true;
    return item;   /* no vis label: labels are drawn by drawLabels() with collision culling */
  }

  var EDGE_BASE = BIG ? STYLE.edge_many : STYLE.edge;
  var EDGE_COLORS = {
    base: { color: EDGE_BASE, highlight: STYLE.edge_selected, hover: STYLE.edge_hot, inherit: false },
    hot: { color: STYLE.edge_hot, highlight: STYLE.edge_selected, hover: STYLE.edge_hot, inherit: false },
    dim: { color: STYLE.edge_dim, highlight: STYLE.edge_selected, hover: STYLE.edge_hot, inherit: false }
  };
  var edgeWidth = [];
  function edgeLook(j) {
    var focus = state.focus;
    return focus === null ? "base" : focus.edges.has(j) ? "hot" : state.veil ? "base" : "dim";
  }
  function edgeItem(j, full) {
    var e = edges[j], look = edgeLook(j);
    var item = { id: "e" + j };
    if (full) {
      item.from = e.from; item.to = e.to;
      var a = nodes[idx.get(e.from)], b = nodes[idx.get(e.to)];
      var labels = e.types.map(function (k) { return rtypeByKey.get(k).label; }).join(", ");
      item.title = a.name + (e.directed ? " \u2192 " : " \u2014 ") + b.name + (labels ? "\n" + labels : "");
      if (e.directed) item.arrows = "to";
      if (edgeHidden[j]) item.hidden = true;
      if (edgeWidth[j] !== 1) item.width = edgeWidth[j];
    } else {
      item.color = EDGE_COLORS[look];
      item.width = look === "hot" ? edgeWidth[j] + 2 : edgeWidth[j];
    }
    return item;
  }
  edges.forEach(function (e, j) {
    edgeWidth[j] = Math.round(Math.max(1, Math.min(7, 1 + 1.5 * Math.log2(Math.max(1, e.weight || 1)))) * 10) / 10;
  });

  /* push only what changed since the last call (focus and size changes) */
  var nodeLooks = [], edgeLooks = [];
  function syncLooks(sizesChanged) {
    var nu = [], eu = [];
    nodes.forEach(function (n, i) {
      var l = nodeLook(i);
      if (!sizesChanged && l === nodeLooks[i]) return;
      var item = { id: n.id };
      if (l !== nodeLooks[i]) item.group = l;
      if (sizesChanged) item.size = state.sizes[i];
      nodeLooks[i] = l;
      nu.push(item);
    });
    edges.forEach(function (_, j) {
      var l = edgeLook(j);
      if (l !== edgeLooks[j]) { edgeLooks[j] = l; eu.push(edgeItem(j, false)); }
    });
    if (nu.length) nodesDS.update(nu);
    if (eu.length) edgesDS.update(eu);
  }

