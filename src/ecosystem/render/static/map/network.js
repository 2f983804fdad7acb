/* Views: switching between the network and target views, fitting, animation.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  /* ------------------------------------------------------------ views */
  function motion() {
    return !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }
  function fitParams(view) {
    var W = Math.max(200, container.clientWidth), H = Math.max(200, container.clientHeight);
    var maxSize = 0; state.sizes.forEach(function (s) { maxSize = Math.max(maxSize, s); });
    if (view === "target") {
      var R = 0;
      pos.target.forEach(function (p, i) { if (!nodeHidden[i]) R = Math.max(R, Math.sqrt(p.x * p.x + p.y * p.y)); });
      R += maxSize;
      if (pos.rings.length) R = Math.max(R, pos.rings[pos.rings.length - 1].r);
      R = Math.max(R, 1);
      /* the largest scale at which the rings fit and every group title lies on the canvas, clear of the
         toolbar and the hint (a title keeps its screen size whatever the zoom, so it cannot just scale) */
      var sc = 0.98 * Math.min(W, H) / (2 * R), free = overlayRects();
      for (var k = 0; k < 90 && !titlesFit(sc, W, H, free); k++) sc *= 0.97;
      return { position: { x: 0, y: 0 }, scale: Math.max(0.02, sc) };
    }
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    pos.network.forEach(function (p, i) {
      if (nodeHidden[i]) return;
      minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
    });
    if (!isFinite(minX)) { minX = maxX = minY = maxY = 0; }
    var pad = maxSize + 30;
    var w = maxX - minX + 2 * pad, h = maxY - minY + 2 * pad;
    var s2 = Math.min((W - 40) / w, (H - 40) / h);
    return { position: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, scale: Math.max(0.02, s2) };
  }
  /* the boxes of the HTML laid over the map (toolbar, hint), in the map's pixels */
  function overlayRects() {
    var cr = container.getBoundingClientRect(), out = [];
    document.querySelectorAll(".stage .toolbar, .stage .map-hint").forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (r.width) out.push([r.left - cr.left, r.top - cr.top, r.right - cr.left, r.bottom - cr.top]);
    });
    return out;
  }
  var measureCtx = null;
  /* whether the shown groups' titles, at scale sc around the centre, lie inside W x H and off the overlays */
  function titlesFit(sc, W, H, free) {
    measureCtx = measureCtx || document.createElement("canvas").getContext("2d");
    if (!measureCtx) return true;
    measureCtx.font = "700 " + STYLE.title_px + "px " + FACE;
    var M = 6;   /* room for the halo */
    return titles.every(function (tt) {
      if (!tt.g.on) return true;
      var b = titleBlock(tt, STYLE.title_px / sc), w = 0;
      tt.lines.forEach(function (line) { w = Math.max(w, measureCtx.measureText(line).width); });
      var ax = W / 2 + b.x * sc, y0 = H / 2 + b.y0 * sc, y1 = y0 + b.lh * sc * tt.lines.length;
      var x0 = b.align === "left" ? ax : b.align === "right" ? ax - w : ax - w / 2, x1 = x0 + w;
      if (x0 < M || y0 < M || x1 > W - M || y1 > H - M) return false;
      return free.every(function (o) { return x1 + M <= o[0] || x0 - M >= o[2] || y1 + M <= o[1] || y0 - M >= o[3]; });
    });
  }
  function fitView(animate) {
    var f = fitParams(state.view);
    state.fitScale = f.scale;
    network.moveTo({ position: f.position, scale: f.scale,
                     animation: animate && motion() ? { duration: 500, easingFunction: "easeInOutQuad" } : false });
  }
  var animToken = 0;
  function setView(name) {
    if (name !== "network" && name !== "target") return Promise.resolve(state.view);
    document.querySelectorAll("[data-view]").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-view") === name ? "true" : "false");
    });
    document.body.dataset.activeView = name;
    if (name === state.view) return Promise.resolve(name);
    state.view = name;
    delete document.body.dataset.settledView;   /* set again when the actors reach their new places */
    var target = pos[name], token = ++animToken;
    var duration = (N <= 600 && motion()) ? 650 : 0;
    var body = network.body && network.body.nodes;
    fitView(duration > 0);
    return new Promise(function (resolve) {
      function finish() {
        if (token === animToken) {
          nodesDS.update(nodes.map(function (n, i) { return { id: n.id, x: target[i].x, y: target[i].y }; }));
          document.body.dataset.settledView = name;
        }
        network.redraw();
        resolve(name);
      }
      if (!duration || !body) { finish(); return; }
      var from = network.getPositions(), t0 = performance.now();
      function step(now) {
        if (token !== animToken) { resolve(name); return; }
        var k = Math.min(1, (now - t0) / duration), e = k < 0.5 ? 2 * k * k : 1 - Math.pow(-2 * k + 2, 2) / 2;
        nodes.forEach(function (n, i) {
          var b = body[n.id], f = from[n.id];
          if (b && f) { b.x = f.x + (target[i].x - f.x) * e; b.y = f.y + (target[i].y - f.y) * e; }
        });
        network.redraw();
        if (k < 1) requestAnimationFrame(step); else finish();
      }
      requestAnimationFrame(step);
    });
  }

