/* Canvas drawing: the target view's rings and sectors, focus veil and name labels.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  function drawTarget(ctx) {
    if (state.view !== "target") return;
    var scale = network.getScale();
    var outer = pos.rings.length ? pos.rings[pos.rings.length - 1].r : pos.targetR;
    ctx.save();
    /* bands: the periphery disc, the core disc on top (its ring is the core/periphery boundary) */
    if (pos.rings.length) {
      ctx.fillStyle = STYLE.periphery_fill;
      ctx.beginPath(); ctx.arc(0, 0, outer, 0, 2 * Math.PI); ctx.fill();
      pos.rings.forEach(function (ring) {
        if (!ring.core) return;
        ctx.fillStyle = STYLE.core_fill;
        ctx.beginPath(); ctx.arc(0, 0, ring.r, 0, 2 * Math.PI); ctx.fill();
      });
    }
    /* group slices */
    if (sectors.length > 1 && outer > 0) {
      ctx.strokeStyle = STYLE.halo; ctx.lineWidth = 4 / scale;
      sectors.forEach(function (s) {
        if (s.start === undefined) return;
        ctx.beginPath();
        ctx.moveTo(s.inner * outer * Math.cos(s.start), s.inner * outer * Math.sin(s.start));   /* layout.INNER */
        ctx.lineTo(outer * Math.cos(s.start), outer * Math.sin(s.start));
        ctx.stroke();
      });
    }
    pos.rings.forEach(function (ring) {
      ctx.lineWidth = (ring.core ? 2.5 : 1.5) / scale;
      ctx.strokeStyle = ring.core ? STYLE.navy : STYLE.ring_line;
      ctx.setLineDash(ring.core ? [10 / scale, 5 / scale] : (pos.rings.length > 1 && ring.r === outer ? [] : [8 / scale, 6 / scale]));
      ctx.beginPath(); ctx.arc(0, 0, ring.r, 0, 2 * Math.PI); ctx.stroke();
    });
    ctx.setLineDash([]);
    /* sector titles: position, anchor and lines from Python (layout.sector_titles, as in the report and PNGs) */
    ctx.lineJoin = "round";
    var fs = STYLE.title_px / scale;
    ctx.font = "700 " + fs + "px " + FACE;
    state.titleBoxes = [];
    titles.forEach(function (tt) {
      if (!tt.g.on) return;
      var b = titleBlock(tt, fs), w = 0;
      ctx.textAlign = b.align; ctx.textBaseline = "top";
      tt.lines.forEach(function (line, k) {
        var y = b.y0 + k * b.lh;
        ctx.lineWidth = 6 / scale; ctx.strokeStyle = STYLE.halo; ctx.strokeText(line, b.x, y);
        ctx.fillStyle = tt.g.ink; ctx.fillText(line, b.x, y);
        w = Math.max(w, ctx.measureText(line).width);
      });
      /* where it landed on screen (container pixels), for the test hook */
      var x0 = b.align === "left" ? b.x : b.align === "right" ? b.x - w : b.x - w / 2;
      var p0 = network.canvasToDOM({ x: x0, y: b.y0 }), p1 = network.canvasToDOM({ x: x0 + w, y: b.y0 + b.lh * tt.lines.length });
      state.titleBoxes.push({ group: tt.g.key, text: tt.lines.join(" "), x0: p0.x, y0: p0.y, x1: p1.x, y1: p1.y });
    });
    ctx.restore();
  }
  /* the payload's sector titles with their groups (a group missing from the legend has no title) */
  var titles = (P.sector_titles || []).filter(function (tt) { return groupByKey.has(tt.group); }).map(function (tt) {
    var lines = (tt.lines || []).map(String);
    /* live: the lines with the count as {n}, written by updateCounts (filters.js) with the actors shown */
    return { g: groupByKey.get(tt.group), x: +tt.x, y: +tt.y, align: tt.align, baseline: tt.baseline,
             lines: lines, live: Array.isArray(tt.live) ? tt.live.map(String) : lines };
  });
  /* a title's text block at font size fs (canvas units): anchor x, top y, line height, canvas textAlign */
  function titleBlock(tt, fs) {
    var lh = 1.2 * fs, h = lh * tt.lines.length;
    return { x: tt.x * pos.kt, lh: lh, align: tt.align === "start" ? "left" : tt.align === "end" ? "right" : "center",
             y0: tt.y * pos.kt - (tt.baseline === "bottom" ? h : tt.baseline === "middle" ? h / 2 : 0) };
  }
  function drawRingLabels(ctx) {   /* after the nodes, so actors never hide them */
    if (state.view !== "target" || !pos.rings.length) return;
    var scale = network.getScale(), fs = STYLE.ring_label_px / scale;
    ctx.save();
    ctx.font = "italic 600 " + fs + "px " + FACE;
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    pos.rings.forEach(function (ring) {   /* inside the ring, at the top: the band it closes */
      if (!ring.label) return;
      var y = -ring.r + 4 / scale;
      ctx.lineWidth = 5 / scale; ctx.strokeStyle = STYLE.halo; ctx.strokeText(ring.label, 0, y);
      ctx.fillStyle = ring.core ? STYLE.navy : STYLE.ring_label; ctx.fillText(ring.label, 0, y);
    });
    ctx.restore();
  }

  /* Focus without touching thousands of items: after vis has drawn, lay a white
     veil over the canvas and draw the focused actor, its neighbours and their
     relations again on top.  Costs O(degree) instead of O(N + E) DataSet updates. */
  function drawFocus(ctx) {
    var f = state.focus;
    if (f === null || !state.veil) return;
    var body = network.body;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = STYLE.veil;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    var es = [];
    f.edges.forEach(function (j) { var e = body.edges["e" + j]; if (e && e.connected) es.push(e); });
    es.forEach(function (e) { e.draw(ctx); });
    es.forEach(function (e) { e.drawArrows(ctx); });
    var order = [];
    f.set.forEach(function (i) { if (i !== f.i) order.push(i); });
    order.push(f.i);   /* the focused actor on top */
    order.forEach(function (i) {
      var nd = body.nodes[nodes[i].id];
      if (nd && !nodeHidden[i]) nd.draw(ctx);
    });
  }

  /* Labels at a constant, beamer-readable screen size.  Greedy placement in
     priority order over eight spots around the actor; a label that would cover
     another label or another actor's circle is skipped, so zooming in reveals
     more names and nothing ever piles up.  Orchestrator candidates may cover a
     circle when nothing else is free (never a label); the focused actor is
     always named.  Used for the network view and for a focused actor's
     neighbours; the target view without focus draws the labels placed in
     Python (drawTargetLabels below): the core and the candidates, the
     periphery too when "all names" is switched on. */
  /* name labels come wrapped from Python (layout.label_lines), the same lines as in the report and PNGs */
  var labelText = nodes.map(function (n) { return n.label_lines; });   /* a chosen region's: filters.js applyMarks */
  var labelW = new Float64Array(N).fill(-1);
  var rootPx = 17;   /* the page's root font size, read live in boot.js (map.css makes it larger on wide screens) */
  /* The target view's labels without focus: placed in Python (layout.place_labels, the placer of the
     report and the PNGs) per zoom level; here only scaled and shifted onto the canvas.  The level is the
     one with the smallest font that still reads at this zoom; the text is never drawn larger than its
     box, so placed labels never overlap at any zoom. */
  var LEVELS = (P.target_labels || []).filter(function (l) { return l && isFinite(l.font) && l.font > 0; });
  var LABEL_MIN_PX = STYLE.placed_min_px, LABEL_MAX_PX = STYLE.placed_max_px;
  function drawTargetLabels(ctx) {
    var boxes = [], placed = 0;
    var scale = network.getScale(), o = network.canvasToDOM({ x: 0, y: 0 }), k = pos.kt * scale;
    var canvas = ctx.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
    if (LEVELS.length && W && H) {
      var level = LEVELS[0];
      LEVELS.forEach(function (l) { if (l.font * k >= LABEL_MIN_PX && l.font < level.font) level = l; });
      var px = Math.min(level.font * k, LABEL_MAX_PX), lh = 1.2 * px;
      ctx.save();
      ctx.setTransform(canvas.width / W, 0, 0, canvas.width / W, 0, 0);
      ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
      level.labels.forEach(function (lab) {
        var i = idx.get(String(lab.id));
        if (i === undefined || !Array.isArray(lab.box) || nodeHidden[i]) return;
        /* tier: as placed for the whole data set's marks, or the chosen region's (filters.js marks) */
        var tier = marks ? (rankOf(i) != null ? 0 : isCore(i) ? 1 : 2) : lab.tier;
        if (tier === 2 && !state.allNames) return;
        var x0 = o.x + lab.box[0] * k, y0 = o.y + lab.box[1] * k, x1 = o.x + lab.box[2] * k, y1 = o.y + lab.box[3] * k;
        if (x1 < 0 || x0 > W || y1 < 0 || y0 > H) return;
        var lines = labelText[i], size = px;
        ctx.font = "600 " + size + "px " + FACE;
        var w = 0;
        lines.forEach(function (line) { w = Math.max(w, ctx.measureText(line).width); });
        if (w > x1 - x0 - 2) { size = size * (x1 - x0 - 2) / w; ctx.font = "600 " + size + "px " + FACE; }
        if (lab.leader) {
          var ld = lab.leader.map(function (c, j) { return (j % 2 ? o.y : o.x) + c * k; });
          ctx.lineWidth = 3; ctx.strokeStyle = STYLE.leader_halo;
          ctx.beginPath(); ctx.moveTo(ld[0], ld[1]); ctx.lineTo(ld[2], ld[3]); ctx.stroke();
          ctx.lineWidth = 1.3; ctx.strokeStyle = STYLE.leader;
          ctx.beginPath(); ctx.moveTo(ld[0], ld[1]); ctx.lineTo(ld[2], ld[3]); ctx.stroke();
        }
        ctx.lineWidth = 4; ctx.strokeStyle = STYLE.label_halo; ctx.fillStyle = STYLE.label;
        var tx = (x0 + x1) / 2;
        lines.forEach(function (line, j) {
          ctx.strokeText(line, tx, y0 + 0.1 * size + j * 1.2 * size);
          ctx.fillText(line, tx, y0 + 0.1 * size + j * 1.2 * size);
        });
        boxes.push({ id: nodes[i].id, x0: x0, y0: y0, x1: x1, y1: Math.min(y1, y0 + lines.length * 1.2 * size) });
        placed++;
      });
      ctx.restore();
    }
    state.labelsDrawn = placed;
    state.labelBoxes = boxes;
  }
  function drawLabels(ctx) {
    if (!N) return;
    if (state.view === "target" && state.focus === null && LEVELS.length) { drawTargetLabels(ctx); return; }
    var f = state.focus, body = network.body && network.body.nodes;
    var scale = network.getScale(), o = network.canvasToDOM({ x: 0, y: 0 });
    var canvas = ctx.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
    if (!W || !H) return;
    var ratio = canvas.width / W;
    /* screen px, by render/style.py's rule: a share of the root font size, within bounds; larger when focused */
    var px = Math.max(STYLE.label_min_px, Math.min(STYLE.label_max_px, Math.round(rootPx * STYLE.label_em)));
    var fpxFocus = px + STYLE.focus_extra_px;
    /* label budget (map_payload.LABEL_BUDGET): everything for small maps; for big ones a few names at
       overview zoom, growing with the square of the user's zoom */
    var zoom = scale / (state.fitScale || scale), LB = CANVAS.label_budget;
    var MAX = N <= LB.all_up_to ? N : Math.max(LB.overview, Math.min(LB.most, Math.round(LB.overview * zoom * zoom)));
    var lh = Math.round(px * 1.3), CELL = 96, grid = new Map(), placed = 0;
    var positions = body ? null : network.getPositions();
    function overlaps(x0, y0, x1, y1) {
      for (var cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++)
        for (var cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
          var list = grid.get(cx + "," + cy);
          if (!list) continue;
          for (var k = 0; k < list.length; k++) {
            var b = list[k];
            if (x0 < b[2] && x1 > b[0] && y0 < b[3] && y1 > b[1]) return true;
          }
        }
      return false;
    }
    function reserve(x0, y0, x1, y1) {
      var box = [x0, y0, x1, y1];
      for (var cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++)
        for (var cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
          var key = cx + "," + cy, list = grid.get(key);
          if (list) list.push(box); else grid.set(key, [box]);
        }
    }
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    var cr = container.getBoundingClientRect();   /* keep toolbar and hint readable */
    document.querySelectorAll(".stage .toolbar, .stage .map-hint, #details").forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (r.width) reserve(r.left - cr.left - 4, r.top - cr.top - 4, r.right - cr.left + 4, r.bottom - cr.top + 4);
    });
    if (state.view === "target") {   /* keep ring and sector titles free */
      ctx.font = "italic 600 " + STYLE.ring_label_px + "px " + FACE;
      pos.rings.forEach(function (ring) {
        if (!ring.label) return;
        var w2 = ctx.measureText(ring.label).width / 2 + 4, yt = o.y - ring.r * scale + 4;
        reserve(o.x - w2, yt - 2, o.x + w2, yt + 20);
      });
      ctx.font = "700 " + STYLE.title_px + "px " + FACE;
      titles.forEach(function (tt) {
        if (!tt.g.on) return;
        var b = titleBlock(tt, STYLE.title_px / scale), w = 0;
        tt.lines.forEach(function (line) { w = Math.max(w, ctx.measureText(line).width); });
        var ax = o.x + b.x * scale, ay = o.y + b.y0 * scale;
        var bx = b.align === "left" ? ax : b.align === "right" ? ax - w : ax - w / 2;
        reserve(bx - 4, ay - 2, bx + w + 4, ay + STYLE.title_px * 1.2 * tt.lines.length + 2);
      });
    }
    /* the actors' circles, on screen, as obstacles (while focused: only the ones not under the veil) */
    var mgrid = new Map();
    for (var m = 0; m < N; m++) {
      if (nodeHidden[m] || (f !== null && state.veil && !f.set.has(m))) continue;
      var pm = body ? body[nodes[m].id] : positions[nodes[m].id];
      if (!pm) continue;
      var mx = o.x + pm.x * scale, my = o.y + pm.y * scale, mr = state.sizes[m] * scale + (isCore(m) ? BORDER[1] : BORDER[0]);
      if (mx + mr < 0 || mx - mr > W || my + mr < 0 || my - mr > H) continue;
      var disc = [mx, my, mr, m];
      for (var gx = Math.floor((mx - mr) / CELL); gx <= Math.floor((mx + mr) / CELL); gx++)
        for (var gy = Math.floor((my - mr) / CELL); gy <= Math.floor((my + mr) / CELL); gy++) {
          var gk = gx + "," + gy, gl = mgrid.get(gk);
          if (gl) gl.push(disc); else mgrid.set(gk, [disc]);
        }
    }
    function coversMarker(x0, y0, x1, y1, own) {
      for (var cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++)
        for (var cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
          var list = mgrid.get(cx + "," + cy);
          if (!list) continue;
          for (var k = 0; k < list.length; k++) {
            var d = list[k];
            if (d[3] === own) continue;
            var dx = Math.max(x0 - d[0], 0, d[0] - x1), dy = Math.max(y0 - d[1], 0, d[1] - y1);
            if (dx * dx + dy * dy < d[2] * d[2]) return true;
          }
        }
      return false;
    }
    var order = f === null ? labelOrder
                           : [f.i].concat(labelOrder.filter(function (i) { return i !== f.i && f.set.has(i); }));
    var boxes = [], leaders = [];
    /* leader lines: a label never sits on one, and a new one never runs through a label or crosses another */
    function segmentMeetsBox(a, x0, y0, x1, y1) {   /* Liang-Barsky clipping */
      var dx = a[2] - a[0], dy = a[3] - a[1], lo = 0, hi = 1;
      var ps = [-dx, dx, -dy, dy], qs = [a[0] - x0, x1 - a[0], a[1] - y0, y1 - a[1]];
      for (var k = 0; k < 4; k++) {
        if (Math.abs(ps[k]) < 1e-9) { if (qs[k] < 0) return false; continue; }
        var tt = qs[k] / ps[k];
        if (ps[k] < 0) lo = Math.max(lo, tt); else hi = Math.min(hi, tt);
        if (lo > hi) return false;
      }
      return true;
    }
    function segmentsCross(a, b) {
      function side(p0, p1, q0, q1, rx, ry) { return (q0 - p0) * (ry - p1) - (q1 - p1) * (rx - p0); }
      return side(b[0], b[1], b[2], b[3], a[0], a[1]) * side(b[0], b[1], b[2], b[3], a[2], a[3]) < 0 &&
             side(a[0], a[1], a[2], a[3], b[0], b[1]) * side(a[0], a[1], a[2], a[3], b[2], b[3]) < 0;
    }
    function crossesLeader(x0, y0, x1, y1) {
      for (var k = 0; k < leaders.length; k++) if (segmentMeetsBox(leaders[k], x0 - 2, y0 - 2, x1 + 2, y1 + 2)) return true;
      return false;
    }
    /* the first free box further out: rings of twelve directions, the side facing away from the
       middle of the view first; returns the box and its leader line (marker edge to box) */
    var RINGS = [16, 36, 62, 95, 135, 180, 230], DIRS = [], FAR_MAX = 60, farSearches = 0;   /* bounded work per frame */
    for (var da = 0; da < 360; da += 30) DIRS.push([Math.cos(da * Math.PI / 180), Math.sin(da * Math.PI / 180)]);
    var midX = state.view === "target" ? o.x : W / 2, midY = state.view === "target" ? o.y : H / 2;
    function farSpot(sx, sy, r, w, h, own) {
      var facing = Math.atan2(sy - midY, sx - midX);
      var dirs = DIRS.slice().sort(function (a, b) {
        function gap(d) { var g = Math.abs(Math.atan2(d[1], d[0]) - facing) % (2 * Math.PI); return Math.min(g, 2 * Math.PI - g); }
        return gap(a) - gap(b);
      });
      for (var ri = 0; ri < RINGS.length; ri++) {
        for (var di = 0; di < dirs.length; di++) {
          var ux = dirs[di][0], uy = dirs[di][1], reach = r + RINGS[ri];
          var ax = sx + ux * reach, ay = sy + uy * reach;
          var x0 = ux > 1e-6 ? ax : ux < -1e-6 ? ax - w : ax - w / 2;
          var y0 = uy > 1e-6 ? ay : uy < -1e-6 ? ay - h : ay - h / 2;
          var x1 = x0 + w, y1 = y0 + h;
          if (x0 < 2 || x1 > W - 2 || y0 < 0 || y1 > H) continue;
          if (overlaps(x0, y0, x1, y1) || crossesLeader(x0, y0, x1, y1) || coversMarker(x0, y0, x1, y1, own)) continue;
          var seg = [sx + ux * (r + 1), sy + uy * (r + 1), ax, ay], blocked = false;
          for (var k = 0; k < boxes.length && !blocked; k++)
            blocked = segmentMeetsBox(seg, boxes[k].x0 - 2, boxes[k].y0 - 2, boxes[k].x1 + 2, boxes[k].y1 + 2);
          for (k = 0; k < leaders.length && !blocked; k++) blocked = segmentsCross(seg, leaders[k]);
          if (!blocked) return { box: [x0, y0, x1, y1], lead: seg };
        }
      }
      return null;
    }
    var measureFont = "600 100px " + FACE, normalFont = "600 " + px + "px " + FACE;
    var focusFont = "700 " + fpxFocus + "px " + FACE;
    for (var q = 0; q < order.length && placed < MAX; q++) {
      var i = order[q];
      if (nodeHidden[i]) continue;
      var id = nodes[i].id, p = body ? body[id] : positions[id];
      if (!p) continue;
      var sx = o.x + p.x * scale, sy = o.y + p.y * scale, r = state.sizes[i] * scale;
      if (sx < -300 || sx > W + 300 || sy < -60 || sy > H + 60) continue;
      if (labelW[i] < 0) {
        ctx.font = measureFont;
        labelW[i] = Math.max.apply(null, labelText[i].map(function (line) { return ctx.measureText(line).width; }));
      }
      var isFocus = f !== null && i === f.i, fpx = isFocus ? fpxFocus : px;
      var w = labelW[i] * fpx / 100 * (isFocus ? 1.06 : 1) + 6;
      var gap = r + (isCore(i) ? 4 : 2), h = (isFocus ? lh + fpxFocus - px : lh) * labelText[i].length, dg = 0.71 * gap;
      /* below the actor, else above, right, left, then the four corners */
      var spots = [[sx - w / 2, sy + gap], [sx - w / 2, sy - gap - h], [sx + gap + 2, sy - h / 2], [sx - gap - 2 - w, sy - h / 2],
                   [sx + dg, sy + dg], [sx + dg, sy - dg - h], [sx - dg - w, sy + dg], [sx - dg - w, sy - dg - h]];
      var spot = null, fallback = null, lead = null, candidate = rankOf(i) != null;
      for (var c = 0; c < spots.length && spot === null; c++) {
        var x0 = spots[c][0], y0 = spots[c][1], x1 = x0 + w, y1 = y0 + h;
        if (x0 < 2 || x1 > W - 2 || y0 < 0 || y1 > H) continue;   /* whole label on screen */
        if (!isFocus && (overlaps(x0, y0, x1, y1) || crossesLeader(x0, y0, x1, y1))) continue;
        if (!coversMarker(x0, y0, x1, y1, i)) spot = [x0, y0, x1, y1];
        else if (fallback === null && (isFocus || candidate)) fallback = [x0, y0, x1, y1];
      }
      /* candidates and core actors: further out, on a leader line, where the crowd leaves room */
      if (spot === null && !isFocus && (candidate || isCore(i)) && farSearches < FAR_MAX) {
        farSearches++;
        var far = farSpot(sx, sy, r, w, h, i);
        if (far !== null) { spot = far.box; lead = far.lead; }
      }
      if (spot === null) spot = fallback;
      if (spot === null && isFocus) {
        var fx = Math.max(2, Math.min(W - 2 - w, spots[0][0])), fy = Math.max(0, Math.min(H - h, spots[0][1]));
        spot = [fx, fy, fx + w, fy + h];
      }
      if (spot === null) continue;
      reserve(spot[0], spot[1], spot[2], spot[3]);
      boxes.push({ id: nodes[i].id, x0: spot[0], y0: spot[1], x1: spot[2], y1: spot[3] });
      placed++;
      if (lead !== null) {
        leaders.push(lead);
        ctx.lineWidth = 3; ctx.strokeStyle = STYLE.leader_halo;
        ctx.beginPath(); ctx.moveTo(lead[0], lead[1]); ctx.lineTo(lead[2], lead[3]); ctx.stroke();
        ctx.lineWidth = 1.3; ctx.strokeStyle = STYLE.leader;
        ctx.beginPath(); ctx.moveTo(lead[0], lead[1]); ctx.lineTo(lead[2], lead[3]); ctx.stroke();
      }
      var tx = (spot[0] + spot[2]) / 2, ty = spot[1] + 1;
      ctx.font = isFocus ? focusFont : normalFont;
      ctx.lineWidth = 4; ctx.strokeStyle = STYLE.label_halo;
      ctx.fillStyle = STYLE.label;
      for (var li = 0; li < labelText[i].length; li++) {
        var ly = ty + li * (isFocus ? lh + fpxFocus - px : lh);
        ctx.strokeText(labelText[i][li], tx, ly);
        ctx.fillText(labelText[i][li], tx, ly);
      }
    }
    ctx.restore();
    state.labelsDrawn = placed;
    state.labelBoxes = boxes;
  }
  function drawOverlay(ctx) {
    drawRingLabels(ctx);
    drawFocus(ctx);
    drawLabels(ctx);
  }

