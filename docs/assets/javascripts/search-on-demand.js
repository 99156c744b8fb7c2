// Load search when the reader first opens it, not on every first visit.
//
// Over http(s) Material starts its search worker and downloads the whole full-text
// index (search/search_index.json) as soon as any page loads: about 50 KiB gzipped that
// most readers never use. Material already defers both for file:// builds; this does
// the same for the published site. It must run before Material's bundle, so it is
// loaded, without defer, from <head> (overrides/partials/search-on-demand.html).
//
// - The search worker becomes a stand-in that starts the real worker when search is
//   wanted, and passes messages both ways.
// - The request for the index is held back until then.
// Search is wanted when its toggle turns on (click, tap, or the "/" key focusing the
// field), when a pointer rests on the search box (a head start), or when the page was
// opened from a search result: search.highlight marks the ?h= terms with the index.
(() => {
  let want;
  const wanted = new Promise((resolve) => (want = resolve));
  const inSearch = (event) => event.target.closest?.(".md-search, [for='__search']");
  document.addEventListener("change", (e) => e.target.id === "__search" && want());
  document.addEventListener("focusin", (e) => inSearch(e) && want());
  document.addEventListener("pointerover", (e) => inSearch(e) && want());
  if (new URLSearchParams(location.search).has("h")) want();

  const RealWorker = window.Worker;
  window.Worker = class extends EventTarget {
    constructor(url, options) {
      if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) {
        return new RealWorker(url, options);
      }
      super();
      this.worker = wanted.then(() => {
        const worker = new RealWorker(url, options);
        worker.onmessage = ({ data }) => this.dispatchEvent(new MessageEvent("message", { data }));
        return worker;
      });
    }
    postMessage(message) {
      this.worker.then((worker) => worker.postMessage(message));
    }
    terminate() {
      this.worker.then((worker) => worker.terminate());
    }
  };

  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.heldForSearch = /\/search\/search_index\.json$/.test(new URL(url, location).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!this.heldForSearch) return send.call(this, body);
    wanted.then(() => send.call(this, body));
  };
})();
