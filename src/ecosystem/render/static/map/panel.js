/* Details panel: one actor's measures, reasons and attributes.
   Concatenated in order by map_html.app_js() inside one closure ("use strict"). */
  /* ------------------------------------------------------------ details panel */
  function row(tbody, k, v, term) {
    var tr = el("tr"), th = el("th");
    if (term) th.appendChild(termWithTip(term, k)); else th.textContent = k;
    tr.appendChild(th);
    tr.appendChild(el("td", null, v));
    tbody.appendChild(tr);
  }
  /* A term the coordinator may not know, with its one-line explanation from the catalogue
     (payload.glossary): shown on hover and on keyboard focus, hoverable, dismissed with
     Escape (WCAG 1.4.13), and read out as the term's description (aria-describedby). */
  var glossary = P.glossary || {};
  function termLabel(key, fallback) { return glossary[key] ? glossary[key].term : fallback; }
  function termWithTip(key, label) {
    var g = glossary[key];
    if (!g) return document.createTextNode(label);
    var span = el("span", "term", label), tip = el("span", "tip", g.text);
    span.tabIndex = 0;
    tip.id = "tip-" + key; tip.setAttribute("role", "tooltip");
    span.setAttribute("aria-describedby", tip.id);
    span.appendChild(tip);
    span.addEventListener("keydown", function (ev) {
      if ((ev.key === "Escape" || ev.key === "Esc") && !span.classList.contains("tip-off")) {
        span.classList.add("tip-off"); ev.stopPropagation();   /* first Escape hides the tip only */
      }
    });
    span.addEventListener("blur", function () { span.classList.remove("tip-off"); });
    span.addEventListener("mouseleave", function () { span.classList.remove("tip-off"); });
    return span;
  }
  function section(parent, title) {
    parent.appendChild(el("h3", null, title));
  }
  function showDetails(i) {
    var n = nodes[i], g = groupByKey.get(n.group), box = $("details-body");
    clear(box);
    var h = el("h2", "actor-name", n.name); h.id = "details-name"; h.tabIndex = -1; box.appendChild(h);
    var chip = el("p", "chip");
    var sw = el("span", "swatch"); sw.style.backgroundColor = g.color; chip.appendChild(sw);
    chip.appendChild(el("span", null, g.label + (n.type ? " \u00b7 " + n.type : "")));
    box.appendChild(chip);

    var facts = el("table", "facts"), tb = el("tbody"); facts.appendChild(tb);
    row(tb, termLabel("core", t("core")), isCore(i) ? t("yes") : t("no"), "core");
    if (n.core_probability_text)   // probability with its 95% interval, formatted in Python
      row(tb, termLabel("core_probability", t("core_probability")), n.core_probability_text, "core_probability");
    if (rankOf(i) != null)
      row(tb, termLabel("orchestrator", t("orchestrator")), t("orchestrator_rank", { rank: NF_INT.format(rankOf(i)) }),
          "orchestrator");
    box.appendChild(facts);
    if (marks) box.appendChild(el("p", "hint", t("panel_scope", { region: regionOn })));   /* whose marks, whose figures */
    /* what if: who is cut off if this actor leaves (precomputed, capped; the total is stated) */
    if (n.cut_off && typeof n.cut_off.total === "number") {
      var wb = el("button", "link whatif", t("whatif")); wb.type = "button"; wb.id = "whatif-button";
      wb.setAttribute("aria-expanded", "false");
      var wbox = el("div", "whatif-result"); wbox.id = "whatif-result"; wbox.hidden = true;
      if (!n.cut_off.total) wbox.appendChild(el("p", null, t("whatif_none")));
      else {
        // the terminal's sentence, introducing the list below
        // its part falls apart (no piece stays the largest): each loses its path to some of the others (never
        // 1 actor); that sentence starts with a word, said here at the start of a line
        var apart = n.cut_off.apart ? t("whatif_cut_apart", { n: NF_INT.format(n.cut_off.total) }) : "";
        wbox.appendChild(el("p", null, (apart ? apart.charAt(0).toUpperCase() + apart.slice(1)
                                        : n.cut_off.total === 1 ? t("whatif_cut_one")
                                        : t("whatif_cut", { n: NF_INT.format(n.cut_off.total) })) + ":"));
        var wl = el("ul", "relations");
        (n.cut_off.names || []).forEach(function (name) { wl.appendChild(el("li", null, String(name))); });
        if (n.cut_off.total > (n.cut_off.names || []).length)
          wl.appendChild(el("li", "muted", t("whatif_more", { n: NF_INT.format(n.cut_off.total - n.cut_off.names.length) })));
        wbox.appendChild(wl);
      }
      wb.addEventListener("click", function () {
        wbox.hidden = !wbox.hidden; wb.setAttribute("aria-expanded", String(!wbox.hidden));
      });
      box.appendChild(wb); box.appendChild(wbox);
    }

    if (n.reasons && n.reasons.length) {
      section(box, t("reasons"));
      var ul = el("ul", "reasons");
      n.reasons.forEach(function (r) { ul.appendChild(el("li", null, r)); });
      box.appendChild(ul);
    }
    var mk = Object.keys(n.metrics || {});
    if (mk.length) {
      section(box, t("metrics"));
      var mt = el("table", "kv"), mb = el("tbody"); mt.appendChild(mb);
      var ordered = metrics.map(function (m) { return m.key; }).filter(function (k) { return mk.indexOf(k) >= 0; })
        .concat(mk.filter(function (k) { return !metricLabel.has(k); }));
      var panelLabels = P.metric_labels || {};
      ordered.forEach(function (k) { row(mb, metricLabel.get(k) || panelLabels[k] || k, fmtNumber(n.metrics[k]), k); });
      box.appendChild(mt);
    }
    var ak = Object.keys(n.attributes || {});
    if (ak.length) {
      section(box, t("attributes"));
      var at = el("table", "kv"), ab = el("tbody"); at.appendChild(ab);
      ak.forEach(function (k) { row(ab, k, fmtNumber(n.attributes[k])); });
      box.appendChild(at);
    }
    /* neighbours over visible relations */
    var nb = neighbours(i);
    section(box, t("relations", { n: NF_INT.format(nb.size) }));
    var list = el("ul", "relations");
    var ks = Array.from(nb.keys()).sort(function (a, b) { return nodes[a].name.localeCompare(nodes[b].name); });
    ks.slice(0, 60).forEach(function (k) {
      var li = el("li"), btn = el("button", "link", nodes[k].name);
      btn.type = "button";
      btn.addEventListener("click", function () { chooseActor(k, btn); });
      li.appendChild(btn);
      var tl = Array.from(nb.get(k)).join(", ");
      if (tl) li.appendChild(el("span", "muted", " " + tl));
      list.appendChild(li);
    });
    if (ks.length > 60) list.appendChild(el("li", "muted", t("relations_more", { n: NF_INT.format(ks.length - 60) })));
    box.appendChild(list);
    $("details").hidden = false;
    $("details").scrollTop = 0;
  }

