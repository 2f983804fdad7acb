/* Data: the payload, translations, number formats, colours, positions and sectors.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  /* ------------------------------------------------------------------ data */
  var RAW = JSON.parse(document.getElementById("data").textContent);
  var P = RAW.payload, T = RAW.ui;
  var META = P.meta || {};
  var STYLE = P.style || {};   /* colours from render/style.py, shared with the report and PNGs */

  function t(key, vals) {
    var s = Object.prototype.hasOwnProperty.call(T, key) ? T[key] : key;
    if (vals) Object.keys(vals).forEach(function (k) { s = s.split("{" + k + "}").join(String(vals[k])); });
    return s;
  }
  var NF = new Intl.NumberFormat(T.number_locale, { maximumFractionDigits: 2 });
  var NF_INT = new Intl.NumberFormat(T.number_locale, { maximumFractionDigits: 0 });
  /* a count with its noun in agreement, as Locale.counted: key + "_one" for 1 where the catalogue has it */
  function counted(key, n) {
    var one = key + "_one";
    return t(n === 1 && Object.prototype.hasOwnProperty.call(T, one) ? one : key, { n: NF_INT.format(n) });
  }

  function fmtNumber(v) {
    if (typeof v === "number" && isFinite(v)) return Number.isInteger(v) ? NF_INT.format(v) : NF.format(v);
    if (v === null || v === undefined || v === "") return t("unknown");
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (Array.isArray(v)) return v.map(fmtNumber).join(", ");
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }

  /* colours */
  var PALETTE = STYLE.communities;   /* for a group the payload does not colour */
  function validColor(c) { return typeof c === "string" && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c); }
  function rgb(hex) {
    hex = hex.replace("#", "");
    if (hex.length === 3) hex = hex.split("").map(function (c) { return c + c; }).join("");
    return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
  }
  function mix(hex, target, k) {
    var a = rgb(hex), b = rgb(target);
    return "#" + a.map(function (v, i) {
      var m = Math.round(v + (b[i] - v) * k);
      return (m < 16 ? "0" : "") + m.toString(16);
    }).join("");
  }
  function luminance(hex) {
    var c = rgb(hex).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  /* a darker variant of a group colour that reads as text on white (contrast >= 4.5) */
  function textColor(hex) {
    var c = hex, k = 0;
    while ((1.05) / (luminance(c) + 0.05) < 4.5 && k < 0.9) { k += 0.1; c = mix(hex, "#000000", k); }
    return c;
  }

  /* nodes */
  var nodes = P.nodes || [];
  var N = nodes.length;
  var BIG = N > 500;          /* straight edges, edges hidden while dragging */
  var idx = new Map();
  nodes.forEach(function (n, i) { idx.set(n.id, i); });

  /* groups (legend order = payload order; unknown groups appended) */
  var groups = [], groupByKey = new Map();
  function addGroup(g) {
    var key = String(g.key);
    if (groupByKey.has(key)) return;
    var color = validColor(g.color) ? g.color : PALETTE[groups.length % PALETTE.length];
    var rec = { key: key, label: g.label != null && g.label !== "" ? String(g.label) : key,
                color: color, count: 0, on: true };   /* count: filters.js updateCounts */
    var sc = g.sector;   /* optional slice of the target view: start/end/middle angle (radians) */
    if (sc && isFinite(sc.start) && isFinite(sc.end) && isFinite(sc.angle))
      rec.sector = { start: Number(sc.start), end: Number(sc.end), angle: Number(sc.angle) };
    groups.push(rec); groupByKey.set(key, rec);
  }
  (P.groups || []).forEach(addGroup);
  nodes.forEach(function (n) { addGroup({ key: n.group }); });
  groups.forEach(function (g) {
    g.border = mix(g.color, "#000000", 0.35);
    g.ink = textColor(g.color);
  });

  /* relation types */
  var rtypes = [], rtypeByKey = new Map();
  function addType(r) {
    var key = String(r.key);
    if (rtypeByKey.has(key)) return;
    var rec = { key: key, label: r.label != null && r.label !== "" ? String(r.label) : key, count: 0, on: true };
    rtypes.push(rec); rtypeByKey.set(key, rec);
  }
  (P.relation_types || []).forEach(addType);
  var edges = (P.edges || []).filter(function (e) { return idx.has(e.from) && idx.has(e.to); });
  edges.forEach(function (e) { e.types.forEach(function (k) { addType({ key: k }); }); });
  var adj = nodes.map(function () { return []; });
  edges.forEach(function (e, j) { adj[idx.get(e.from)].push(j); if (e.from !== e.to) adj[idx.get(e.to)].push(j); });

  /* metrics (size selector); the first one is the default */
  var metrics = (P.metrics || []).map(function (m, k) {
    return { key: String(m.key), label: m.label != null && m.label !== "" ? String(m.label) : String(m.key),
             index: k, lo: m.lo, hi: m.hi };
  });
  if (!metrics.length) metrics = [{ key: "__none__", label: "–" }];
  var metricLabel = new Map(metrics.map(function (m) { return [m.key, m.label]; }));

  /* ------------------------------------------------------------ geometry */
  /* the canvas and the target view's scale come with the circle sizes (map_payload.marker_scale) */
  var CANVAS = P.canvas || {};
  var S = Number(CANVAS.half);   /* half extent in canvas units */
  var BORDER = CANVAS.border;    /* radius a circle's border adds: periphery, core */
  var NETWORK_SPREAD = N <= 500 ? 1.5 : 1;   /* small maps: the dense middle stays readable */
  var pos = { network: [], target: [] };
  (function () {
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach(function (n) {
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    });
    var span = Math.max(maxX - minX, maxY - minY) / 2;
    var k = span > 0 ? S * NETWORK_SPREAD / span : 1, cx = (minX + maxX) / 2 || 0, cy = (minY + maxY) / 2 || 0;
    pos.network = nodes.map(function (n) { return { x: (n.x - cx) * k, y: (n.y - cy) * k }; });
    var kt = Number(CANVAS.target_scale) || 1;
    pos.target = nodes.map(function (n) { return { x: n.tx * kt, y: n.ty * kt }; });
    pos.kt = kt;   /* layout units -> canvas units (sector titles and label boxes come in layout units) */
    pos.targetR = 0;
    pos.target.forEach(function (p) { pos.targetR = Math.max(pos.targetR, Math.sqrt(p.x * p.x + p.y * p.y)); });
    pos.rings = (P.rings || []).filter(function (r) { return isFinite(r.radius) && r.radius > 0; })
      .map(function (r) { return { r: r.radius * kt, label: r.label != null ? String(r.label) : "", core: r.core === true }; })
      .sort(function (a, b) { return a.r - b.r; });
  })();
  /* each group's slice of the target view, as the payload gives it (layout.target_layout) */
  var sectors = [];
  function computeSectors() {
    sectors = [];
    groups.forEach(function (g) {
      if (g.sector) sectors.push({ g: g, a: g.sector.angle, start: g.sector.start, inner: g.sector.inner || 0 });
    });
  }
  computeSectors();

