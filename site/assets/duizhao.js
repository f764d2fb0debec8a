/* duizhao: tooltips for annotations and corrections, the one-language toggle, editorial marks,
   "cite" (formatted, BibTeX, RIS, CSL-JSON), keeping the reader's place (language switch,
   permalinks), sortable and filterable tables with CSV of the rows shown, the glossary filter.
   No dependencies, nothing fetched. Labels come from the page (#dz-labels, duizhao.site.i18n). */
(function () {
  "use strict";
  var L = {};
  try { L = JSON.parse(document.getElementById("dz-labels").textContent); } catch (err) { /* none */ }
  function label(key, values) {
    var text = L[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  var pageLang = document.documentElement.lang === "zh" ? "zh" : "en";

  /* ---- tooltips: one floating box, filled from the page's hidden .dz-tip elements ---- */
  var box = null;
  var owner = null;
  var hideTimer = null;

  function tooltip() {
    if (!box) {
      box = document.createElement("div");
      box.className = "dz-tooltip";
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", label("tooltip_links"));
      box.hidden = true;
      box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      box.addEventListener("mouseleave", function () { hideSoon(); });
      document.body.appendChild(box);
    }
    return box;
  }

  function show(el) {
    var source = document.getElementById(el.getAttribute("data-tip"));
    if (!source) return;
    clearTimeout(hideTimer);
    var t = tooltip();
    t.innerHTML = source.innerHTML;  /* the page's own, sanitised markup */
    t.id = "dz-tooltip-live";
    t.hidden = false;
    owner = el;
    var r = el.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - t.offsetWidth - 8));
    var top = r.bottom + window.scrollY + 6;
    if (r.bottom + t.offsetHeight + 12 > window.innerHeight && r.top > t.offsetHeight + 12) {
      top = r.top + window.scrollY - t.offsetHeight - 6;
    }
    t.style.left = left + "px";
    t.style.top = top + "px";
  }

  function hide() {
    if (box) box.hidden = true;
    owner = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function tipTarget(node) {
    return node && node.closest ? node.closest("[data-tip]") : null;
  }

  var touch = false;  /* the last pointer was a finger: no hover, a tap opens */
  document.addEventListener("pointerdown", function (e) { touch = e.pointerType === "touch"; }, true);
  document.addEventListener("mouseover", function (e) {
    if (touch) return;
    var el = tipTarget(e.target);
    if (el && el !== owner) show(el);
  });
  document.addEventListener("mouseout", function (e) {
    if (touch) return;
    var el = tipTarget(e.target);
    if (el && !el.contains(e.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (e) {
    var el = tipTarget(e.target);
    if (el) show(el);
    else if (box && !box.contains(e.target)) hide();
  });
  /* Tab from a highlight whose tooltip has links goes into the tooltip; Tab past its last link,
     or Escape, comes back to the highlight */
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      if (box && !box.hidden && box.contains(document.activeElement) && owner) { var back = owner; back.focus(); }
      hide(); closeCite(true);
      return;
    }
    if (e.key !== "Tab" || !box || box.hidden || !owner) return;
    var links = box.querySelectorAll("a[href]");
    if (!links.length) return;
    if (document.activeElement === owner && !e.shiftKey) { e.preventDefault(); links[0].focus(); }
    else if (box.contains(document.activeElement)) {
      var i = Array.prototype.indexOf.call(links, document.activeElement);
      if ((e.shiftKey && i === 0) || (!e.shiftKey && i === links.length - 1)) {
        var mine = owner;
        e.preventDefault(); mine.focus();
        if (!e.shiftKey) { hide(); focusAfter(mine); }
      }
    }
  });
  function focusAfter(el) {  /* the next tab stop after el in the document */
    var stops = Array.prototype.filter.call(document.querySelectorAll(
      "a[href], button, input, select, textarea, [tabindex='0']"), function (x) { return x.offsetParent !== null && !box.contains(x); });
    var i = stops.indexOf(el);
    if (i >= 0 && stops[i + 1]) stops[i + 1].focus();
  }
  document.addEventListener("click", function (e) {
    var el = tipTarget(e.target);
    if (el && el.tagName !== "A") { show(el); return; }  /* one tap (or click) opens; never toggles shut */
    if (box && !box.hidden && !box.contains(e.target)) hide();  /* a tap elsewhere closes */
  });

  /* a highlight and its counterpart in the other language light up together */
  function pair(el, on) {
    var id = el && el.getAttribute("data-ann");
    if (!id) return;
    document.querySelectorAll('[data-ann="' + id + '"]').forEach(function (x) { x.classList.toggle("dz-paired", on); });
  }
  document.addEventListener("focusin", function (e) { pair(e.target.closest && e.target.closest("[data-ann]"), true); });
  document.addEventListener("focusout", function (e) { pair(e.target.closest && e.target.closest("[data-ann]"), false); });

  /* ---- one language or both; editorial marks. A highlight pair is one tab stop: the Chinese
     piece, or the English one when only English is shown ---- */
  function setView(article, view) {
    article.setAttribute("data-view", view);
    document.querySelectorAll(".dz-view-button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-view") === view));
    });
    article.querySelectorAll(".dz-en [data-first]").forEach(function (el) {
      if (view === "en") el.setAttribute("tabindex", "0"); else el.removeAttribute("tabindex");
    });
    try { localStorage.setItem("duizhao.view", view); } catch (err) { /* private mode */ }
  }

  function initDocument() {
    var article = document.querySelector(".dz-text");
    if (!article) return;
    var saved = null;
    try { saved = localStorage.getItem("duizhao.view"); } catch (err) { /* private mode */ }
    if (saved === "zh" || saved === "en" || saved === "both") setView(article, saved);
    document.querySelectorAll(".dz-view-button").forEach(function (b) {
      b.addEventListener("click", function () { setView(article, b.getAttribute("data-view")); keepPlace(); });
    });
    var marks = document.querySelector(".dz-marks-toggle");
    if (marks) marks.addEventListener("change", function () { article.classList.toggle("dz-show-marks", marks.checked); });
    article.addEventListener("click", function (e) {
      var button = e.target.closest(".dz-cite");
      if (button) openCite(article, button);
    });
  }

  /* ---- the reader's place: what sits under the sticky bars, the segment being read ---- */
  function stickyBottom() {
    var bottom = 0;
    document.querySelectorAll(".md-header, .dz-toolbar").forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (getComputedStyle(el).position !== "static" && r.top <= 1) bottom = Math.max(bottom, r.bottom);
    });
    return bottom;
  }
  function setStickyOffset() {
    var toolbar = document.querySelector(".dz-toolbar");
    var header = document.querySelector(".md-header");
    var h = (header ? header.offsetHeight : 0) + (toolbar ? toolbar.offsetHeight : 0) + 8;
    document.documentElement.style.setProperty("--dz-sticky", h + "px");
  }
  function currentSegment() {
    var top = stickyBottom();
    var rows = document.querySelectorAll(".dz-text .dz-row[id]");
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i].getBoundingClientRect();
      if (r.bottom > top + 12 && r.height > 0) return rows[i].id;  /* holds the first line read below the bars */
    }
    return null;
  }
  function flash(el) {
    el.classList.remove("dz-flash");
    void el.offsetWidth;
    el.classList.add("dz-flash");
  }
  function goTo(id, smooth) {
    var el = id && document.getElementById(id);
    if (!el) return;
    setStickyOffset();
    quietUntil = Date.now() + 500;  /* this scroll is ours: the reader's place is the target */
    el.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
    if (el.classList.contains("dz-row")) { flash(el); reading = el.id; }
  }
  var reading = null;  /* the segment being read: the one linked to, or at the top once the reader scrolls */
  var quietUntil = 0;
  function keepPlace() { if (reading) goTo(reading); }
  function initPlace() {
    setStickyOffset();
    window.addEventListener("resize", setStickyOffset);
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && !/^:~:/.test(id)) { goTo(id); setTimeout(function () { goTo(id); }, 150); }
    window.addEventListener("hashchange", function () { goTo(decodeURIComponent(location.hash.slice(1))); });
    var timer = null;
    window.addEventListener("scroll", function () {
      clearTimeout(timer);
      if (Date.now() < quietUntil) return;
      timer = setTimeout(function () { reading = currentSegment(); }, 100);
    }, { passive: true });
    /* the language switch (and any link to this page in the other language) lands on the same segment */
    document.querySelectorAll(".dz-lang-switch a[hreflang]").forEach(function (a) {
      a.addEventListener("click", function () {
        var here = document.querySelector(".dz-text") ? reading || currentSegment() : decodeURIComponent(location.hash.slice(1));
        var url = new URL(a.href);
        url.hash = here || "";
        url.search = location.search;
        a.href = url.href;
      });
    });
  }

  /* ---- cite: the paragraph or the document, formatted or as BibTeX, RIS or CSL-JSON ---- */
  var citeBox = null;
  var citeReturn = null;

  function closeCite(restore) {
    if (!citeBox) return;
    citeBox.remove(); citeBox = null;
    if (restore !== false && citeReturn) citeReturn.focus();
  }

  function item(article, seg) {
    var csl = {};
    try { csl = JSON.parse(article.getAttribute("data-citation")); } catch (err) { /* none */ }
    var page = location.origin + location.pathname;
    csl.URL = page + (seg ? "#" + seg : "");
    var now = new Date();
    csl.accessed = { "date-parts": [[now.getFullYear(), now.getMonth() + 1, now.getDate()]] };
    if (seg) {
      csl.id = csl.id + "-" + seg;
      csl.type = "article";
      csl.section = seg;
      csl.title = csl.title + ", " + label("paragraph_of", { seg: seg });
    }
    return csl;
  }
  function names(list) { return (list || []).map(function (n) { return n.literal || [n.given, n.family].filter(Boolean).join(" "); }); }
  function dateText(d) {
    if (!d) return "";
    if (d.literal) return d.literal;
    return (d["date-parts"] || []).map(function (p) { return p.map(function (x, i) { return i ? String(x).padStart(2, "0") : x; }).join("-"); }).join("/");
  }
  function iso(d) { return dateText({ "date-parts": d["date-parts"] }); }
  function formatted(c, article) {
    var when = dateText(c.issued);
    var seen = iso(c.accessed);
    var version = label("corpus_version") + " " + c.version;
    if (pageLang === "zh") {
      return names(c.author).concat([c.publisher]).filter(Boolean).join("，") + "：《" + c["original-title"] + "》（" +
        c.title + "）" + (when ? "，" + article.getAttribute("data-date") : "") + (c.section ? "，" + label("segment") + " " + c.section : "") +
        "。" + label("translated_by") + "：" + names(c.translator).join("、") + "。" + c["container-title"] + "，" + version +
        "。" + label("licence") + "：" + c.license + "。" + c.URL + "（" + label("accessed") + " " + seen + "）";
    }
    return names(c.author).concat([c.publisher]).filter(Boolean).join(", ") + ". \u201c" + c.title + "\u201d [" +
      c["original-title"] + "]" + (when ? ", " + when : "") + ". " + label("translated_by").replace(/^./, function (x) { return x.toUpperCase(); }) +
      " " + names(c.translator).join(", ") + ". " + label("in_corpus") + ": " + c["container-title"] + ", " + version + ". " +
      label("licence") + ": " + c.license + ". " + c.URL + " (" + label("accessed") + " " + seen + ").";
  }
  function bibtex(c) {
    var year = ((c.issued || {})["date-parts"] || [[]])[0];
    var fields = [["title", c.title + " [" + c["original-title"] + "]"], ["author", names(c.author).map(function (n) { return "{" + n + "}"; }).join(" and ")],
      ["translator", names(c.translator).map(function (n) { return "{" + n + "}"; }).join(" and ")],
      ["year", year[0] ? String(year[0]) + (c.issued.circa ? "?" : "") : ""], ["month", year[1] && !(c.issued["date-parts"] || [])[1] ? String(year[1]) : ""],
      ["date", (c.issued || {})["date-parts"] ? iso(c.issued) : ""], ["publisher", c.publisher], ["howpublished", c["container-title"]],
      ["version", c.version], ["url", c.URL], ["urldate", iso(c.accessed)], ["note", c.note + (c.section ? "; " + label("segment").toLowerCase() + " " + c.section : "")],
      ["language", "english"], ["copyright", c.license]];
    return "@misc{" + c.id + ",\n" + fields.filter(function (f) { return f[1]; }).map(function (f) {
      return "  " + f[0] + " = {" + String(f[1]).replace(/[{}]/g, "") .replace(/\\/g, "") + "}";
    }).join(",\n") + "\n}";
  }
  function ris(c) {
    var parts = ((c.issued || {})["date-parts"] || [[]])[0];
    var lines = [["TY", "GEN"], ["TI", c.title], ["T2", c["container-title"]], ["OP", c["original-title"]]];
    names(c.author).forEach(function (n) { lines.push(["AU", n]); });
    names(c.translator).forEach(function (n) { lines.push(["A4", n]); });
    lines.push(["PY", parts[0] ? String(parts[0]) : ""], ["DA", parts.length ? [parts[0], parts[1] ? String(parts[1]).padStart(2, "0") : "", parts[2] ? String(parts[2]).padStart(2, "0") : "", c.issued.literal || ""].join("/") : ""],
      ["PB", c.publisher], ["ET", c.version], ["UR", c.URL], ["Y2", iso(c.accessed)], ["LA", "en"], ["N1", c.note + (c.section ? "; " + c.section : "")],
      ["C1", c.license], ["ID", c.id], ["ER", ""]);
    return lines.filter(function (l) { return l[1] || l[0] === "ER"; }).map(function (l) { return l[0] + "  - " + l[1]; }).join("\n");
  }
  var FORMATS = [["text", "citation"], ["bibtex", "BibTeX"], ["ris", "RIS"], ["csl", "CSL-JSON"]];
  function render(c, format, article) {
    if (format === "bibtex") return bibtex(c);
    if (format === "ris") return ris(c);
    if (format === "csl") return JSON.stringify([c], null, 2);
    return formatted(c, article);
  }

  function choice(name, options, chosen, onChange) {
    var group = document.createElement("div");
    group.className = "dz-cite-choice";
    group.setAttribute("role", "radiogroup");
    group.setAttribute("aria-label", name);
    options.forEach(function (o) {
      var lab = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio"; input.name = "dz-cite-" + name.replace(/\W/g, ""); input.value = o[0];
      input.checked = o[0] === chosen;
      input.addEventListener("change", function () { onChange(o[0]); });
      lab.appendChild(input);
      lab.appendChild(document.createTextNode(" " + (L[o[1]] ? label(o[1]) : o[1])));
      group.appendChild(lab);
    });
    return group;
  }

  function openCite(article, button) {
    closeCite(false);
    citeReturn = button;
    var seg = button.getAttribute("data-seg");
    var state = { scope: "segment", format: "text" };
    citeBox = document.createElement("div");
    citeBox.className = "dz-cite-box";
    citeBox.setAttribute("role", "dialog");
    citeBox.setAttribute("aria-label", label("cite_title") + " " + seg);
    var text = document.createElement("textarea");
    text.readOnly = true;
    text.id = "dz-cite-text";
    text.setAttribute("aria-label", label("citation"));
    function update() { text.value = render(item(article, state.scope === "segment" ? seg : null), state.format, article); }
    citeBox.appendChild(choice(label("cite_title"), [["segment", "cite_segment"], ["document", "cite_document"]], state.scope,
      function (v) { state.scope = v; update(); }));
    citeBox.appendChild(choice(label("format"), FORMATS, state.format, function (v) { state.format = v; update(); }));
    var actions = document.createElement("div");
    actions.className = "dz-cite-actions";
    var copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = label("copy");
    copy.addEventListener("click", function () {
      text.select();
      var done = function () { copy.textContent = label("copied"); };
      if (navigator.clipboard) navigator.clipboard.writeText(text.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", label("close"));
    close.addEventListener("click", function () { closeCite(true); });
    actions.appendChild(copy);
    actions.appendChild(close);
    citeBox.appendChild(text);
    citeBox.appendChild(actions);
    button.closest(".dz-seg-tools").appendChild(citeBox);
    update();
    text.focus();
    text.select();
  }

  /* ---- tables: sort by a column, filter the rows, download the rows shown as CSV ---- */
  function cellValue(cell) {
    return (cell && (cell.getAttribute("data-sort") || cell.textContent) || "").replace(/\s+/g, " ").trim();
  }
  function number(text) {
    var m = /^[−\-–+]?[\d,.]+/.test(text.replace(/^[≈≥≤<>~\s第]+/, "")) ? parseFloat(text.replace(/^[≈≥≤<>~\s第]+/, "").replace(/,/g, "").replace("−", "-")) : NaN;
    return m;
  }
  var collator = new Intl.Collator(pageLang === "zh" ? "zh-u-co-pinyin" : "en", { numeric: true, sensitivity: "base" });
  function csvCell(text) { return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }
  var tableCount = 0;
  function enhanceTable(table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body || body.rows.length < 2 || table.closest(".dz-cite-box")) return;
    tableCount += 1;
    var wrap = table.closest(".dz-table-wrap") || table;
    var tools = document.createElement("div");
    tools.className = "dz-table-tools";
    var id = "dz-table-filter-" + tableCount;
    var lab = document.createElement("label");
    lab.setAttribute("for", id);
    lab.textContent = label("filter_rows");
    var input = document.createElement("input");
    input.type = "search"; input.id = id; input.className = "dz-table-filter"; input.autocomplete = "off";
    var csv = document.createElement("button");
    csv.type = "button"; csv.className = "dz-table-csv"; csv.textContent = label("download_shown_csv");
    var count = document.createElement("output");
    count.className = "dz-table-count"; count.setAttribute("aria-live", "polite");
    tools.appendChild(lab); tools.appendChild(input); tools.appendChild(csv); tools.appendChild(count);
    wrap.parentNode.insertBefore(tools, wrap);
    var rows = Array.prototype.slice.call(body.rows);
    function shown() { return Array.prototype.filter.call(body.rows, function (r) { return !r.hidden; }); }
    function counted() { count.textContent = label("rows_shown", { n: shown().length, total: rows.length }); }
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      rows.forEach(function (r) { r.hidden = q && r.textContent.toLowerCase().indexOf(q) < 0; });
      counted();
    });
    Array.prototype.forEach.call(head.cells, function (th, col) {
      var name = th.textContent.replace(/\s+/g, " ").trim();
      if (!name) return;
      var b = document.createElement("button");
      b.type = "button"; b.className = "dz-sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      b.setAttribute("aria-label", label("sort_by", { column: name }));
      th.appendChild(b);
      if (!th.hasAttribute("aria-sort")) th.setAttribute("aria-sort", "none");
      b.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.cells, function (o) { if (o.hasAttribute("aria-sort")) o.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var values = rows.map(function (r) { return cellValue(r.cells[col]); });
        var numeric = values.every(function (v) { return !v || v === "—" || !isNaN(number(v)); });
        var order = rows.map(function (r, i) { return i; }).sort(function (i, j) {
          var a = values[i], c = values[j];
          var d = numeric ? (isNaN(number(a)) ? -Infinity : number(a)) - (isNaN(number(c)) ? -Infinity : number(c)) : collator.compare(a, c);
          return (up ? d : -d) || i - j;
        });
        order.forEach(function (i) { body.appendChild(rows[i]); });
      });
    });
    csv.addEventListener("click", function () {
      var lines = [Array.prototype.map.call(head.cells, function (c) { return csvCell(cellValue(c)); }).join(",")];
      shown().forEach(function (r) { lines.push(Array.prototype.map.call(r.cells, function (c) { return csvCell(cellValue(c)); }).join(",")); });
      var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      var slug = location.pathname.replace(/\/+$/, "").split("/").slice(-2).join("-") || "table";
      a.download = slug + (tableCount > 1 ? "-" + (Array.prototype.indexOf.call(document.querySelectorAll(".md-content table"), table) + 1) : "") + ".csv";
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    counted();
  }

  /* ---- the glossary's filter (text and category) ---- */
  function initFilter() {
    var form = document.querySelector("form.dz-filter");
    if (!form) return;
    var text = form.querySelector(".dz-filter-text");
    var category = form.querySelector(".dz-filter-category");
    var out = form.querySelector(".dz-filter-count");
    var items = document.querySelectorAll(form.getAttribute("data-filter"));
    var groups = document.querySelectorAll(form.getAttribute("data-groups"));
    var none = document.querySelector(".dz-filter-none");
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    function apply() {
      var q = text.value.trim().toLowerCase();
      var c = category ? category.value : "";
      var n = 0;
      items.forEach(function (el) {
        var ok = (!q || el.getAttribute("data-text").indexOf(q) >= 0) && (!c || el.getAttribute("data-category") === c);
        el.hidden = !ok;
        if (ok) n += 1;
      });
      groups.forEach(function (g) { g.hidden = !g.querySelector(form.getAttribute("data-filter") + ":not([hidden])"); });
      document.querySelectorAll(".dz-jump a").forEach(function (a) {
        var g = document.getElementById(a.getAttribute("href").slice(1));
        a.parentNode.hidden = !!(g && g.hidden);
      });
      out.textContent = out.getAttribute("data-label").replace("{n}", n);
      if (none) none.hidden = n > 0;
    }
    text.addEventListener("input", apply);
    if (category) category.addEventListener("change", apply);
  }

  /* a table wider than its column scrolls sideways: that scroller is a tab stop, named after the
     table's heading, so that keyboard users can scroll it */
  function scrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap, .dz-table-wrap").forEach(function (el) {
      var wide = el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].indexOf(getComputedStyle(el).overflowX) >= 0;
      if (!wide) { if (el.getAttribute("data-dz-scroller")) { el.removeAttribute("tabindex"); el.removeAttribute("role"); } return; }
      var heading = null;
      for (var n = el; n && !heading; n = n.parentElement) {
        for (var s = n.previousElementSibling; s && !heading; s = s.previousElementSibling) if (/^H[1-4]$/.test(s.tagName)) heading = s;
      }
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "region");
      el.setAttribute("data-dz-scroller", "1");
      el.setAttribute("aria-label", heading ? heading.textContent.trim() : label("filter_rows"));
    });
  }

  function init() {
    window.addEventListener("load", function () { setTimeout(scrollers, 0); });
    window.addEventListener("resize", function () { clearTimeout(init.t); init.t = setTimeout(scrollers, 200); });
    initDocument();
    initPlace();
    initFilter();
    document.querySelectorAll(".md-content .dz-table-wrap table").forEach(enhanceTable);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
