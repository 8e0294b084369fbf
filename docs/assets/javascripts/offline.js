/*
 * Offline after one visit: register the service worker (sw.js at the site root, written by
 * hooks/offline.py) and ask it to keep this page and everything it loaded.
 *
 * The first page a reader opens loads before the worker exists, so the worker cannot have
 * seen its requests; this script hands it their URLs, and it copies them from the HTTP cache
 * (no second download). Pages opened after that go through the worker and are kept as they
 * load. The checker keeps its runtime through window.siteOffline.keep() once it has booted.
 */
(function () {
  "use strict";

  // One release at a time. Instant navigation brings a page's content into this document,
  // whose scripts and styles stay; hooks/asset_versions.py stamps each page's container with
  // the release of its assets. A page of another release gets a full load: its own assets.
  var container = "[data-md-component=container][data-site-assets]";
  var first = document.querySelector(container);
  var loaded = first && first.getAttribute("data-site-assets");
  // A new release usually comes with its service worker, which takes over every open page
  // (skipWaiting, then clients.claim). Chromium drops a reload asked for while that worker
  // is still installing or activating: no request goes out and the page stays as it is
  // (tests/browser/test_releases.py saw it about one run in ten, and a second reload on
  // controllerchange was dropped too). So reload once that worker is in charge, or after
  // SETTLE_MS if it is slow to install (a slow link).
  var SETTLE_MS = 5000;
  function reloadWhenSettled() {
    if (!("serviceWorker" in navigator)) return location.reload();
    navigator.serviceWorker.getRegistration().then(
      function (registration) {
        var active = registration && registration.active;
        var next =
          registration &&
          (registration.installing ||
            registration.waiting ||
            (active && active.state !== "activated" ? active : null));
        if (!next) return location.reload();
        var worker = next;
        var slow = setTimeout(function () {
          location.reload();
        }, SETTLE_MS);
        worker.addEventListener("statechange", function () {
          if (worker.state !== "activated" && worker.state !== "redundant") return;
          clearTimeout(slow);
          location.reload(); // again, if the slow one was dropped or is still on its way
        });
      },
      function () {
        location.reload();
      },
    );
  }

  if (loaded && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      var now = document.querySelector(container);
      if (now && now.getAttribute("data-site-assets") !== loaded) reloadWhenSettled();
    });
  }
})();

(function () {
  "use strict";

  if (!("serviceWorker" in navigator)) return;
  // This file is assets/javascripts/offline.js: the site root is two folders up.
  var root = new URL("../../", /** @type {HTMLScriptElement} */ (document.currentScript).src);

  function sameSite(url) {
    return url.indexOf(root.href) === 0;
  }

  // Resolves to {ok, count, total} once the worker has stored the URLs.
  function keep(urls) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          resolve(event.data);
        };
        /** @type {ServiceWorker} */ (registration.active).postMessage({ type: "keep", urls: urls.filter(sameSite) }, [
          channel.port2,
        ]);
      });
    });
  }

  // <html data-offline> is "saving" while the worker stores something for this page, then
  // "kept" (or "failed"): what the tests wait for before they go offline.
  var pending = 0;
  var failed = false;
  function track(promise) {
    pending += 1;
    document.documentElement.setAttribute("data-offline", "saving");
    return promise.then(function (result) {
      failed = failed || !(result && result.ok);
      pending -= 1;
      if (!pending) document.documentElement.setAttribute("data-offline", failed ? "failed" : "kept");
      return result;
    });
  }

  function names(entries) {
    return entries.map(function (entry) {
      return entry.name;
    });
  }

  /** @type {SiteOffline} */
  var siteOffline = {
    keep: function (urls) {
      return track(keep(urls));
    },
  };
  window.siteOffline = siteOffline;

  var started = false;
  function start() {
    if (started) return;
    started = true;
    var controlled = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker
      .register(new URL("sw.js", root), { scope: root.pathname, updateViaCache: "none" })
      .then(function () {
        if (controlled) {
          // The worker saw, and kept, every request of this page.
          document.documentElement.setAttribute("data-offline", "kept");
          return;
        }
        // The page loaded before the worker existed: hand it this page and what it loaded,
        // and what it loads from now until the worker takes over (the search index may
        // still be on its way).
        var urls = [location.href.split("#")[0]].concat(
          names(performance.getEntriesByType("resource")),
        );
        siteOffline.keep(urls);
        new PerformanceObserver(function (list) {
          siteOffline.keep(names(list.getEntries()));
        }).observe({ type: "resource" });
      })
      .catch(function (error) {
        // Not fatal: the site works online without it. Say so for whoever debugs it.
        console.warn("offline: the service worker is not available:", error);
      });
  }

  siteOffline.start = start;
  // On the checker's page Pyodide is booting now; installing the worker would compete with it
  // for the CPU of a slow phone. checker.js calls siteOffline.start() once the boot is over.
  if (document.querySelector('meta[name="checker-boot"]')) return;
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
