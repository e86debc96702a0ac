/* The site's search page (search.html): Pagefind's index (pagefind/, built with the site,
   in shards, merged here),
   queried from the form's words and ticked filters, which also stand in the page's URL
   (search.html?q=…&person=…), so a search can be bookmarked and the form works as a plain GET.
   Opened from file://, where a browser lets no page fetch the index, the page says so instead. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var fileNote = document.getElementById("search-file-note");
  if (!form || !input || !status || !list) { return; }
  var PAGE = 10;
  var FILTERS = ["person", "org", "place", "year", "site"];
  var pagefind = null;
  var ready = null;
  var shown = [];
  var pending = 0;

  if (window.location.protocol === "file:") {
    if (fileNote) { fileNote.hidden = false; }
    form.hidden = true;
    return;
  }

  function params() {
    var query = new URLSearchParams(window.location.search);
    input.value = query.get("q") || "";
    FILTERS.forEach(function (name) {
      var wanted = query.getAll(name);
      form.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) {
        box.checked = wanted.indexOf(box.value) !== -1;
      });
    });
  }

  function chosen() {
    var filters = {};
    FILTERS.forEach(function (name) {
      var values = [];
      form.querySelectorAll("input[type=checkbox][name='" + name + "']:checked").forEach(function (box) {
        values.push(box.value);
      });
      if (values.length) { filters[name] = values; }
    });
    return filters;
  }

  function remember(filters) {
    var query = new URLSearchParams();
    if (input.value.trim()) { query.set("q", input.value.trim()); }
    Object.keys(filters).forEach(function (name) {
      filters[name].forEach(function (value) { query.append(name, value); });
    });
    var text = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
  }

  /* A passage as text and <mark> elements only (never markup from the index). */
  function passage(html) {
    var out = document.createElement("p");
    out.className = "excerpt";
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function counts(found) {
    // Pagefind gives no counts for some searches (several words): the page's own stay then.
    if (found && !Object.keys(found).length) { return; }
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var label = box.parentNode.querySelector(".count");
      var of = (found && found[box.name]) || {};
      if (label) { label.textContent = "(" + (of[box.value] || 0) + ")"; }
    });
  }

  function say(n) {
    var one = status.getAttribute("data-one"), many = status.getAttribute("data-many");
    status.textContent = n === 0 ? status.getAttribute("data-none") : n + " " + (n === 1 ? one : many);
  }

  // Pagefind's URL of a page is the base (this page's folder, as the address bar has it: escaped)
  // and the file's name as it is on disk: a name holding "#", "?", "%" or a space is escaped
  // here, a path segment at a time, so that the link opens that file.
  function pageHref(url) {
    if (url.indexOf(base) !== 0) { return url; }
    return base + url.slice(base.length).split("/").map(encodeURIComponent).join("/");
  }

  /* A result's title, date or passage in a language other than the page's carries its lang (and dir). */
  function inLanguage(el, lang, dir) {
    if (!lang || lang === document.documentElement.lang) { return el; }
    el.lang = lang;
    if (dir && dir !== (document.documentElement.dir || "ltr")) { el.dir = dir; }
    return el;
  }

  function showMore() {
    var next = shown.splice(0, PAGE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = pageHref(page.url);
        link.textContent = (page.meta && page.meta.title) || page.url;
        var meta = page.meta || {};
        heading.appendChild(inLanguage(link, meta.language, meta.direction));
        item.appendChild(heading);
        if (page.meta && page.meta.date) {
          var date = document.createElement("p");
          date.className = "date";
          date.textContent = page.meta.date;
          item.appendChild(inLanguage(date, meta.datelanguage, meta.datelanguage === meta.language ? meta.direction : "ltr"));
        }
        item.appendChild(inLanguage(passage(page.excerpt || ""), meta.language, meta.direction));
        list.appendChild(item);
      });
      if (more) { more.hidden = shown.length === 0; }
    });
  }

  function run() {
    var filters = chosen();
    var words = input.value.trim();
    remember(filters);
    var ticket = ++pending;
    if (!words && !Object.keys(filters).length) {
      list.textContent = "";
      status.textContent = "";
      counts(null);
      if (more) { more.hidden = true; }
      return Promise.resolve();
    }
    status.textContent = status.getAttribute("data-loading");
    // A search asked for while the index still loads (the form is there before it) waits for it.
    return ready.then(function (loaded) {
      if (ticket !== pending) { return; }
      if (!loaded) { status.textContent = ""; return; }
      return pagefind.search(words || null, { filters: filters }).then(function (found) {
        if (ticket !== pending) { return; }
        list.textContent = "";
        shown = found.results.slice();
        counts(found.filters);
        // The count is said once the first results stand (a screen reader hears it then).
        return showMore().then(function () { say(found.results.length); });
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") { run(); }
  });
  if (more) {
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore().then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) { link.focus(); }
      });
    });
  }

  params();
  var base = new URL(".", window.location.href).pathname;
  var bundle = new URL("pagefind/", window.location.href).href;
  var options = { baseUrl: base, excerptLength: 30 };
  // The index is in shards, each a Pagefind bundle of its own, listed in pagefind/teikit-shards.json
  // (read afresh: a rebuild replaces it, never a shard's files): the first one's pagefind.js
  // is loaded, the others merged into it, one result list.
  // ready: true once the index is loaded, false if it cannot be (the page then says so).
  ready = fetch(bundle + "teikit-shards.json", { cache: "no-cache" }).then(function (response) {
    if (!response.ok) { throw new Error("no search index"); }
    return response.json();
  }).then(function (listed) {
    var shards = listed.shards || [];
    if (!shards.length) { throw new Error("no search index"); }
    return import(bundle + shards[0] + "pagefind.js").then(function (module) {
      pagefind = module;
      return pagefind.options(options);
    }).then(function () {
      return shards.slice(1).reduce(function (done, folder) {
        return done.then(function () { return pagefind.mergeIndex(bundle + folder, options); });
      }, Promise.resolve());
    });
  }).then(function () {
    return pagefind.init();
  }).then(function () { return true; }, function () {
    if (fileNote) { fileNote.hidden = false; }
    status.textContent = "";
    return false;
  });
  run();
}());
