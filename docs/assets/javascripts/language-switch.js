/*
 * The language switch: stay on the same page, and load the other language in full.
 *
 * mkdocs-static-i18n writes, for every page, header links to the same page in the other
 * language. Material's instant navigation replaces the page body but not the header, so:
 *   1. after one in-site click the header links would still point at the first page opened;
 *      update() recomputes them after every page change;
 *   2. a click on them would itself be handled by instant navigation and keep the header
 *      (search box, labels, <html lang>) in the old language; the capture listener below
 *      makes switching language a full page load;
 *   3. the fragment (an anchor, or the checker's form) goes along.
 * Every page exists in both languages: Chinese at /PATH, English at /en/PATH.
 * Without JavaScript there is no instant navigation, and the built-in links are right.
 */
(function () {
  "use strict";

  var SELECTOR = ".md-select a[hreflang]";

  function target(lang) {
    // __md_scope is the site root (the base URL of every page of both languages).
    if (typeof __md_scope === "undefined") return null;
    var root = new URL(__md_scope.href);
    var path = location.pathname;
    if (path.indexOf(root.pathname) !== 0) return null;
    path = path.slice(root.pathname.length);
    if (path === "en" || path.indexOf("en/") === 0) path = path.slice(3);
    var url = new URL((lang === "en" ? "en/" : "") + path, root);
    // Anchors are the same in both languages, and the checker keeps its form in the fragment.
    url.hash = location.hash;
    return url.href;
  }

  function update() {
    var links = /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(SELECTOR));
    for (var i = 0; i < links.length; i++) {
      var href = target(links[i].getAttribute("hreflang"));
      if (href) links[i].href = href;
    }
  }

  document.addEventListener(
    "click",
    function (ev) {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      var link =
        ev.target instanceof Element
          ? /** @type {HTMLAnchorElement | null} */ (ev.target.closest(SELECTOR))
          : null;
      if (!link) return;
      var href = target(link.getAttribute("hreflang")) || link.href;
      ev.preventDefault();
      ev.stopPropagation();
      location.assign(href);
    },
    true
  );

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(update);
  } else {
    update();
  }
})();
