/* Controls: size metric, legend check boxes, search, names toggle, zoom, print.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  /* ------------------------------------------------------------ size metric */
  function setMetric(key) {
    if (!metricLabel.has(key)) return false;
    state.metric = key;
    var r = sizesFor(key);
    state.sizes = r.sizes; state.sizeRange = r;
    computeLabelOrder();
    $("size-select").value = key;
    if (nodesDS) syncLooks(true);
    renderSizeLegend();
    return true;
  }
  function renderSizeLegend() {
    var box = $("size-legend"); clear(box);
    var r = state.sizeRange;
    box.appendChild(el("span", "size-title", t("marker_size", { metric: metricLabel.get(state.metric) })));
    var scale = el("span", "size-scale");
    var small = el("span", "size-dot small"), large = el("span", "size-dot large");
    scale.appendChild(small);
    scale.appendChild(el("span", "muted", typeof r.lo === "number" ? fmtNumber(r.lo) : t("size_small")));
    scale.appendChild(el("span", "size-arrow", "\u2192"));
    scale.appendChild(large);
    scale.appendChild(el("span", "muted", typeof r.hi === "number" ? fmtNumber(r.hi) : t("size_large")));
    box.appendChild(scale);
  }

  /* ------------------------------------------------------------ UI */
  function checkboxItem(list, rec, kind) {
    var li = el("li"), lab = el("label", "check");
    var cb = el("input"); cb.type = "checkbox"; cb.checked = true;
    cb.setAttribute("data-" + kind, rec.key);
    lab.appendChild(cb);
    if (kind === "group") { var sw = el("span", "swatch"); sw.style.backgroundColor = rec.color; lab.appendChild(sw); }
    else { lab.appendChild(el("span", "line-sample")); }
    lab.appendChild(el("span", "check-label", rec.label));
    rec.countEl = el("span", "count");   /* filled by updateCounts: it follows the filters */
    lab.appendChild(rec.countEl);
    li.appendChild(lab);
    list.appendChild(li);
    cb.addEventListener("change", function () {
      rec.on = cb.checked;
      li.classList.toggle("off", !cb.checked);
      applyFilters();
    });
    rec.checkbox = cb; rec.li = li;
  }
  function setChecked(rec, on) {
    if (!rec) return false;
    rec.on = !!on; rec.checkbox.checked = !!on; rec.li.classList.toggle("off", !on);
    applyFilters();
    return true;
  }
  function updateStats() {
    syncActorTable();
    updateCounts();
    $("stats").textContent = t("stats", { nodes: counted("n_actors", visibleNodeCount()),
                                          edges: counted("n_ties", visibleEdgeCount()) });
  }

  /* search: names -> node index (duplicates disambiguated by group) */
  var searchIndex = new Map(), searchNames = [];
  (function () {
    var seen = new Map();
    nodes.forEach(function (n) { var k = n.name.trim().toLowerCase(); seen.set(k, (seen.get(k) || 0) + 1); });
    var used = new Set();
    nodes.forEach(function (n, i) {
      var name = n.name.trim();
      if (seen.get(name.toLowerCase()) > 1) name = name + " (" + groupByKey.get(n.group).label + ")";
      var base = name, c = 2;
      while (used.has(name.toLowerCase())) name = base + " " + (c++);
      used.add(name.toLowerCase());
      searchIndex.set(name.toLowerCase(), i);
      searchNames.push({ name: name, i: i });
    });
    searchNames.sort(function (a, b) { return a.name.localeCompare(b.name); });
  })();
  /* Rank of a name for query q (both lower case): 0 the whole name, 1 a whole word (or words),
     2 the start of a word, 3 anywhere; -1 no match. "abc" ranks "Xyz Abc" (1)
     above "Abcde" (2) and "Xabc" (3). */
  var WORD_CHAR = new RegExp("[\\p{L}\\p{N}]", "u");   /* any letter or digit, also accented */
  function isWordChar(c) { return c !== undefined && c !== "" && WORD_CHAR.test(c); }
  function matchRank(name, q) {
    if (name === q) return 0;
    var best = -1, from = 0, at;
    while ((at = name.indexOf(q, from)) >= 0) {
      var startsWord = at === 0 || !isWordChar(name.charAt(at - 1)) || !isWordChar(q.charAt(0));
      var endsWord = at + q.length === name.length || !isWordChar(name.charAt(at + q.length))
                     || !isWordChar(q.charAt(q.length - 1));
      var r = startsWord ? (endsWord ? 1 : 2) : 3;
      if (best < 0 || r < best) best = r;
      if (best === 1) break;
      from = at + 1;
    }
    return best;
  }
  /* All visible actors whose (disambiguated) name contains q, best first; ties alphabetical. */
  function findActors(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return [];
    var found = [];
    searchNames.forEach(function (s) {   /* searchNames is alphabetical, so a stable sort keeps ties in order */
      var r = matchRank(s.name.toLowerCase(), q);
      if (r >= 0 && (r === 0 || !nodeHidden[s.i])) found.push({ i: s.i, name: s.name, rank: r });
    });
    found.sort(function (a, b) { return a.rank - b.rank; });
    return found;
  }
  function findActor(q) {
    var found = findActors(q);
    return found.length ? found[0].i : null;
  }
  function clearMatches() {
    var box = $("search-results");
    clear(box); box.hidden = true;
    $("search-msg").classList.remove("info");   /* the message is an error again unless a list is shown */
  }
  function showMatches(found) {
    var box = $("search-results");
    clear(box);
    found.forEach(function (f) {
      var li = el("li"), btn = el("button", "link", f.name);
      btn.type = "button";
      btn.addEventListener("click", function () {
        clearMatches(); $("search-msg").textContent = "";
        if (nodeHidden[f.i]) { $("search-msg").textContent = t("hidden_focus"); $("search").focus(); return; }
        chooseActor(f.i, $("search"));
      });
      btn.addEventListener("keydown", function (ev) {   /* arrows move through the list, Escape back to the box */
        var items = Array.prototype.slice.call(box.querySelectorAll("button")), k = items.indexOf(btn);
        if (ev.key === "ArrowDown" && k < items.length - 1) { items[k + 1].focus(); ev.preventDefault(); }
        else if (ev.key === "ArrowUp") { (k > 0 ? items[k - 1] : $("search")).focus(); ev.preventDefault(); }
        else if (ev.key === "Escape" || ev.key === "Esc") { clearMatches(); $("search").focus(); ev.stopPropagation(); }
      });
      li.appendChild(btn); box.appendChild(li);
    });
    box.hidden = false;
    $("search-msg").classList.add("info");
    $("search-msg").textContent = t("search_matches", { n: NF_INT.format(found.length) });
  }
  /* Enter: the whole name or the only match is focused at once; several matches are listed, best first. */
  function runSearch() {
    var found = findActors($("search").value);
    var msg = $("search-msg");
    clearMatches();
    if (!found.length) {
      var hidden = searchIndex.has($("search").value.trim().toLowerCase());
      msg.textContent = hidden ? t("hidden_focus") : t("search_none");
      return false;
    }
    if (found.length > 1 && found[0].rank > 0) { showMatches(found); return false; }
    var i = found[0].i;
    if (nodeHidden[i]) { msg.textContent = t("hidden_focus"); return false; }
    msg.textContent = "";
    return chooseActor(i, $("search"));
  }

  /* The map's text alternative (WCAG 1.1.1): the actors it shows, in a table built from the payload
     when it is first opened and kept in step with the filters; a name chooses the actor like a search
     result. */
  var actorRows = null;
  function buildActorTable() {
    var tb = $("actor-rows");
    actorRows = searchNames.map(function (s) {
      var n = nodes[s.i], tr = el("tr"), th = el("th"), btn = el("button", "link", s.name);
      th.scope = "row"; btn.type = "button";
      btn.addEventListener("click", function () {
        if (nodeHidden[s.i]) return;
        chooseActor(s.i, btn);
      });
      th.appendChild(btn); tr.appendChild(th);
      tr.appendChild(el("td", null, groupByKey.get(n.group).label));
      var core = el("td"), rank = el("td"), ties = el("td", "num");
      tr.appendChild(core); tr.appendChild(rank); tr.appendChild(ties);
      tb.appendChild(tr);
      var r = { i: s.i, tr: tr, core: core, rank: rank, ties: ties };
      syncMarkCells(r);
      return r;
    });
    syncActorTable();
  }
  function syncMarkCells(r) {   /* core and candidate of the marks shown (filters.js marks) */
    var rank = rankOf(r.i);
    r.core.textContent = isCore(r.i) ? t("yes") : t("no");
    r.rank.textContent = rank != null ? t("orchestrator_rank", { rank: NF_INT.format(rank) }) : "";
  }
  function syncActorTable() {
    if (!actorRows) return;
    actorRows.forEach(function (r) {
      r.tr.hidden = nodeHidden[r.i];
      if (!r.tr.hidden) r.ties.textContent = NF_INT.format(neighbours(r.i).size);
    });
  }

  function buildUI() {
    var gl = $("group-list"); groups.forEach(function (g) { checkboxItem(gl, g, "group"); });
    var rl = $("rtype-list"); rtypes.forEach(function (r) { checkboxItem(rl, r, "rtype"); });
    if (!rtypes.length) $("rtype-section").hidden = true;
    if (Array.isArray(P.regions) && P.regions.length > 1) {   /* filter by arbeidsmarktregio */
      var rs = $("region-select"), all = el("option", null, t("region_all")); all.value = ""; rs.appendChild(all);
      P.regions.forEach(function (r) { var o = el("option", null, String(r)); o.value = String(r); rs.appendChild(o); });
      rs.addEventListener("change", function () { regionOn = rs.value; applyMarks(); applyFilters(); fitView(true); });
      $("region-section").hidden = false;
      $("marks-scope").textContent = marksText();
    } else {
      $("marks-scope").hidden = true;
    }
    var sel = $("size-select");
    metrics.forEach(function (m) { var o = el("option", null, m.label); o.value = m.key; sel.appendChild(o); });
    sel.addEventListener("change", function () { setMetric(sel.value); });
    var dl = $("actor-names");
    searchNames.forEach(function (s) { var o = el("option"); o.value = s.name; dl.appendChild(o); });
    var input = $("search");
    input.addEventListener("input", function (ev) {
      $("search-msg").textContent = ""; clearMatches();
      /* picking a <datalist> suggestion fires input without a typing inputType */
      if (!ev.inputType || ev.inputType === "insertReplacementText") {
        var i = findActor(input.value);
        if (i !== null && searchIndex.get(input.value.trim().toLowerCase()) === i) focusIndex(i, { center: true });
      }
    });
    $("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); runSearch(); });
    input.addEventListener("keydown", function (ev) {
      var first = $("search-results").querySelector("button");
      if (ev.key === "ArrowDown" && first && !$("search-results").hidden) { first.focus(); ev.preventDefault(); }
    });
    document.querySelectorAll("[data-view]").forEach(function (b) {
      b.addEventListener("click", function () { setView(b.getAttribute("data-view")); });
    });
    $("zoom-in").addEventListener("click", function () { zoomBy(1.35); });
    $("zoom-out").addEventListener("click", function () { zoomBy(1 / 1.35); });
    $("zoom-fit").addEventListener("click", function () { fitView(true); });
    $("names-toggle").addEventListener("click", function () { setAllNames(!state.allNames); });
    $("details-close").addEventListener("click", unfocus);
    $("actor-list-details").addEventListener("toggle", function () {
      if ($("actor-list-details").open && !actorRows) buildActorTable();
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" || ev.key === "Esc") unfocus();
    });
  }
  function setAllNames(on) {
    state.allNames = !!on;
    $("names-toggle").setAttribute("aria-pressed", state.allNames ? "true" : "false");
    if (network) network.redraw();
    return state.allNames;
  }
  function zoomBy(f) {
    network.moveTo({ scale: network.getScale() * f, position: network.getViewPosition(),
                     animation: motion() ? { duration: 200, easingFunction: "easeInOutQuad" } : false });
  }

  /* print: replace the live canvas by a still image so it scales onto the page */
  function preparePrint() {
    var c = container.querySelector("canvas"), img = $("print-map");
    try { if (c) img.src = c.toDataURL("image/png"); } catch (e) { /* ignore */ }
  }

