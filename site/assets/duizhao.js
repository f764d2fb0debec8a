/* duizhao: tooltips for annotations and corrections, the one-language toggle,
   editorial marks and "cite this paragraph". No dependencies, nothing fetched. */
(function () {
  "use strict";

  /* ---- tooltips: one floating box, filled from the page's hidden .dz-tip elements ---- */
  var box = null;
  var owner = null;
  var hideTimer = null;

  function tooltip() {
    if (!box) {
      box = document.createElement("div");
      box.className = "dz-tooltip";
      box.setAttribute("role", "tooltip");
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

  document.addEventListener("mouseover", function (e) {
    var el = tipTarget(e.target);
    if (el && el !== owner) show(el);
  });
  document.addEventListener("mouseout", function (e) {
    var el = tipTarget(e.target);
    if (el && !el.contains(e.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (e) {
    var el = tipTarget(e.target);
    if (el) show(el);
    else if (box && !box.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); closeCite(); }
  });
  document.addEventListener("click", function (e) {
    var el = tipTarget(e.target);
    if (el && el.tagName !== "A") { if (owner === el && box && !box.hidden) hide(); else show(el); }
  });

  /* ---- one language or both; editorial marks ---- */
  function setView(article, view) {
    article.setAttribute("data-view", view);
    document.querySelectorAll(".dz-view-button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-view") === view));
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
      b.addEventListener("click", function () { setView(article, b.getAttribute("data-view")); });
    });
    var marks = document.querySelector(".dz-marks-toggle");
    if (marks) marks.addEventListener("change", function () { article.classList.toggle("dz-show-marks", marks.checked); });
    article.addEventListener("click", function (e) {
      var button = e.target.closest(".dz-cite");
      if (button) openCite(article, button);
    });
  }

  /* ---- cite this paragraph ---- */
  var citeBox = null;

  function closeCite() {
    if (citeBox) { citeBox.remove(); citeBox = null; }
  }

  function citation(article, seg) {
    var d = article.dataset;
    var version = (document.querySelector('meta[name="duizhao-version"]') || {}).content || "";
    var url = location.origin + location.pathname + "#" + seg;
    if (document.documentElement.lang === "zh") {
      return (d.publisher ? d.publisher + "：" : "") + "《" + d.titleZh + "》" + (d.date ? "，" + d.date : "") +
        "，" + d.labelSegment + " " + seg + "。duizhao 对照语料，" + d.labelVersion + " " + version + "。" + url;
    }
    return (d.publisher ? d.publisher + ". " : "") + "\u201c" + d.titleEn + "\u201d [" + d.titleZh + "]" +
      (d.date ? ", " + d.date : "") + ", " + d.labelSegment.toLowerCase() + " " + seg + ". In: duizhao corpus, " +
      d.labelVersion + " " + version + ". " + url;
  }

  function openCite(article, button) {
    closeCite();
    var seg = button.getAttribute("data-seg");
    citeBox = document.createElement("div");
    citeBox.className = "dz-cite-box";
    citeBox.setAttribute("role", "dialog");
    citeBox.setAttribute("aria-label", article.dataset.labelCite + " " + seg);
    var text = document.createElement("textarea");
    text.readOnly = true;
    text.value = citation(article, seg);
    var actions = document.createElement("div");
    actions.className = "dz-cite-actions";
    var copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = article.dataset.labelCopy;
    copy.addEventListener("click", function () {
      text.select();
      var done = function () { copy.textContent = article.dataset.labelCopied; };
      if (navigator.clipboard) navigator.clipboard.writeText(text.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", closeCite);
    actions.appendChild(copy);
    actions.appendChild(close);
    citeBox.appendChild(text);
    citeBox.appendChild(actions);
    document.body.appendChild(citeBox);
    var r = button.getBoundingClientRect();
    citeBox.style.top = (r.bottom + window.scrollY + 4) + "px";
    citeBox.style.left = Math.max(8, r.right + window.scrollX - citeBox.offsetWidth) + "px";
    text.focus();
    text.select();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initDocument);
  else initDocument();
})();
