/* duizhao search: Chinese queries go to the Chinese index, others to the English one.
   A Chinese query is cut into words the way the index was: longest match on the
   project's dictionary (glossary terms, entity and indicator names), Intl.Segmenter
   for the rest. Results are found by Pagefind in search-worker.js. */
(function () {
  "use strict";
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var WIDE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

  function root() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (err) { /* default */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  var dictionary = null;
  function loadDictionary() {
    if (!dictionary) {
      dictionary = fetch(new URL("search/dictionary.json", root())).then(function (r) { return r.json(); })
        .then(function (data) {
          var words = new Set(data.words || []);
          var longest = 1;
          words.forEach(function (w) { longest = Math.max(longest, w.length); });
          return { words: words, longest: longest, splits: data.splits || {} };
        }).catch(function () { return { words: new Set(), longest: 1, splits: {} }; });
    }
    return dictionary;
  }

  function segmentRest(text, out) {
    if (!text) return;
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      var seg = new Intl.Segmenter("zh", { granularity: "word" });
      for (var part of seg.segment(text)) if (part.isWordLike) out.push(part.segment);
    } else {
      for (var ch of text) out.push(ch);
    }
  }

  /* "链长制企业 5G" -> ["链长制", "企业", "5g"]; dictionary words holding another word
     are cut as the index cut them (产业链链长制 -> 产业链 链长制). */
  function cutChinese(query, dict) {
    var out = [];
    cutWords(query, dict).forEach(function (t) {
      if (Object.prototype.hasOwnProperty.call(dict.splits, t)) out.push.apply(out, dict.splits[t]);
      else out.push(t);
    });
    return out;
  }

  function cutWords(query, dict) {
    var tokens = [];
    var runs = query.toLowerCase().split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
    runs.forEach(function (run) {
      var rest = "";
      var i = 0;
      while (i < run.length) {
        var found = null;
        for (var n = Math.min(dict.longest, run.length - i); n >= 2; n--) {
          if (dict.words.has(run.substr(i, n))) { found = run.substr(i, n); break; }
        }
        if (found) { segmentRest(rest, tokens); rest = ""; tokens.push(found); i += found.length; }
        else { rest += run[i]; i += 1; }
      }
      segmentRest(rest, tokens);
    });
    return tokens;
  }

  var worker = null;
  var pending = new Map();
  var counter = 0;
  var PAGE = 10;  // results whose excerpts are fetched at once; "more" fetches the next ones

  function ask(lang, query, offset) {
    if (!worker) {
      worker = new Worker(new URL("assets/search-worker.js", root()), { type: "module" });
      worker.onmessage = function (e) {
        var resolve = pending.get(e.data.id);
        pending.delete(e.data.id);
        if (resolve) resolve(e.data);
      };
    }
    var id = ++counter;
    return new Promise(function (resolve) {
      pending.set(id, resolve);
      worker.postMessage({ id: id, url: new URL("search/pagefind/" + lang + "/", root()).href, query: query,
                           offset: offset || 0, limit: PAGE });
    });
  }

  /* Load the page language's bundle (and the dictionary) while the reader types; the
     other bundle loads when a query needs it. */
  var warmed = false;
  function warm() {
    if (warmed) return;
    warmed = true;
    if (document.documentElement.lang === "zh") { loadDictionary(); ask("zh", null); }
    else ask("en", null);
  }

  /* Search; for Chinese, relax to single characters when whole words find nothing. */
  function search(query) {
    query = query.trim();
    if (!query) return Promise.resolve(null);
    if (!HAN.test(query)) {
      return ask("en", query).then(function (r) { return Object.assign(r, { lang: "en", tokens: [query], query: query }); });
    }
    return loadDictionary().then(function (dict) {
      var tokens = cutChinese(query, dict);
      return ask("zh", tokens.join(" ")).then(function (r) {
        var loose = [];
        tokens.forEach(function (t) { if (dict.words.has(t) || t.length < 2) loose.push(t); else for (var ch of t) loose.push(ch); });
        if (r.total || loose.length === tokens.length) return Object.assign(r, { lang: "zh", tokens: tokens, query: tokens.join(" ") });
        return ask("zh", loose.join(" ")).then(function (r2) {
          return Object.assign(r2, { lang: "zh", tokens: loose, query: loose.join(" ") });
        });
      });
    });
  }

  /* Pagefind excerpts: keep only <mark>; join the words of Chinese excerpts again. */
  function excerptHtml(excerpt, lang) {
    var safe = String(excerpt || "").replace(/<(?!\/?mark>)/g, "&lt;");
    if (lang !== "zh") return safe;
    var parts = safe.split(/(<\/?mark>)/);
    var out = "";
    var last = "";
    parts.forEach(function (part, k) {
      if (k % 2 === 1) { out += part; return; }
      var text = part.replace(/(\S)\s+(?=\S)/g, function (m, a, offset, whole) {
        var next = whole.charAt(offset + m.length);
        return WIDE.test(a) || WIDE.test(next) ? a : m;
      });
      if (/^\s+/.test(text) && WIDE.test(last) && WIDE.test(text.replace(/^\s+/, "").charAt(0))) text = text.replace(/^\s+/, "");
      out += text;
      if (text) last = text.charAt(text.length - 1);
    });
    return out.replace(/(<\/?mark>)\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, "$1");
  }

  var L = {};
  try { L = JSON.parse(document.getElementById("dz-labels").textContent); } catch (err) { /* none */ }
  function label(key, n) { return (L[key] || key).replace("{n}", n); }

  /* Results: matching paragraphs grouped by document (the match marked, the other language
     beside it, a link to the paragraph), then terms, entities and indicators. */
  function render(container, result, list) {
    var lang = container.getAttribute("data-lang");
    if (!list) {
      container.innerHTML = "";
      if (!result) return;
      if (result.error) { container.textContent = result.error; return; }
      var count = document.createElement("p");
      count.className = "dz-result-count";
      count.textContent = result.total ? label("results", result.total) : label("no_results");
      container.appendChild(count);
      list = document.createElement("ol");
      list.className = "dz-result-groups";
      container.appendChild(list);
    }
    result.results.forEach(function (item) {
      var meta = item.meta || {};
      var path = meta.href || item.url.replace(/^\/+/, "");
      var href = new URL(lang + "/" + path, root()).href;
      if (result.lang === "zh" && result.tokens.length) href += (path.indexOf("#") < 0 ? "#" : "") + ":~:text=" + encodeURIComponent(result.tokens[0]);
      var group = null;
      var key = meta.doc ? "doc:" + meta.doc : "kind:" + (meta.kind || "");
      Array.prototype.forEach.call(list.children, function (li) { if (li.getAttribute("data-group") === key) group = li; });
      if (!group) {
        group = document.createElement("li");
        group.setAttribute("data-group", key);
        var head = document.createElement("p");
        head.className = "dz-result-doc";
        if (meta.doc) {
          var a = document.createElement("a");
          a.href = new URL(lang + "/documents/" + meta.doc + "/", root()).href;
          a.textContent = meta.title || meta.doc;
          head.appendChild(a);
          var kind = document.createElement("span");
          kind.className = "dz-result-kind";
          kind.textContent = [label("kind_document"), meta.date].filter(Boolean).join(" · ");
          head.appendChild(kind);
        } else {
          head.textContent = label("kind_" + meta.kind);
        }
        group.appendChild(head);
        var inner = document.createElement("ol");
        inner.className = "dz-result-items";
        group.appendChild(inner);
        list.appendChild(group);
      }
      var li = document.createElement("li");
      li.setAttribute("data-url", path);
      var link = document.createElement("a");
      link.href = href;
      link.textContent = meta.seg ? meta.seg : (meta.title || path);
      link.className = meta.seg ? "dz-result-seg" : "";
      if (meta.seg) link.setAttribute("aria-label", (meta.title || "") + ", " + label("paragraph_of", meta.seg).replace("{seg}", meta.seg));
      li.appendChild(link);
      var p = document.createElement("p");
      p.className = "dz-result-excerpt";
      p.lang = result.lang === "zh" ? "zh" : "en";
      p.innerHTML = excerptHtml(item.excerpt, result.lang);
      li.appendChild(p);
      if (meta.other) {
        var o = document.createElement("p");
        o.className = "dz-result-other";
        o.lang = result.lang === "zh" ? "en" : "zh";
        o.textContent = meta.other;
        li.appendChild(o);
      }
      group.lastChild.appendChild(li);
    });
    var shown = list.querySelectorAll("li[data-url]").length;
    var old = container.querySelector(".dz-more");
    if (old) old.remove();
    if (shown < result.total) {
      var more = document.createElement("button");
      more.type = "button";
      more.className = "dz-more";
      more.textContent = label("more_results");
      more.addEventListener("click", function () {
        more.disabled = true;
        ask(result.lang, result.query, shown).then(function (next) {
          render(container, Object.assign(next, { lang: result.lang, tokens: result.tokens, query: result.query }), list);
        });
      });
      container.appendChild(more);
    }
  }

  function initSearchPage() {
    var form = document.querySelector("form[data-search-page]");
    var container = document.querySelector(".dz-search-results");
    if (!form || !container) return;
    var input = form.querySelector("input[name=q]");
    var timer = null;
    var latest = 0;
    function run() {
      var q = input.value;
      var mine = ++latest;
      var url = new URL(location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      container.setAttribute("aria-busy", "true");
      search(q).then(function (result) {
        if (mine !== latest) return;
        render(container, result);
        container.setAttribute("aria-busy", "false");
        container.setAttribute("data-done", q);
      });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
    var initial = new URL(location.href).searchParams.get("q");
    container.innerHTML = "";
    if (initial) { input.value = initial; run(); }
    else warm();
    input.focus();
  }

  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("input[name=q]")) warm();
  });

  window.duizhaoSearch = { cut: function (q) { return loadDictionary().then(function (d) { return cutChinese(q, d); }); },
    search: search, warm: warm };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initSearchPage);
  else initSearchPage();
})();
