// telusur's page works without this file: every link and form is a plain URL that the server
// renders. This makes the same links and forms instant: it fetches the page, swaps the
// #app element, and keeps the URL (and so the back button) in step; typing searches as you go.
(() => {
  "use strict";
  let seq = 0;

  async function go(url, mode) {
    const mine = ++seq;
    document.body.classList.add("loading");
    try {
      const res = await fetch(url, { headers: { Accept: "text/html" } });
      const text = await res.text();
      if (mine !== seq) return; // a newer request has been made
      const doc = new DOMParser().parseFromString(text, "text/html");
      const fresh = doc.getElementById("app");
      const app = document.getElementById("app");
      if (!fresh || !app) { location.href = url; return; }
      const active = document.activeElement;
      const typing = active && active.name === "q" ? active.selectionStart : null;
      app.replaceWith(fresh);
      document.title = doc.title;
      if (mode === "push") history.pushState(null, "", url);
      else if (mode === "replace") history.replaceState(null, "", url);
      if (typing !== null) {
        const q = fresh.querySelector("input[name=q]");
        if (q) { q.focus(); q.setSelectionRange(typing, typing); }
      } else if (mode === "push") {
        window.scrollTo(0, 0);
      }
    } catch (e) {
      location.href = url;
    } finally {
      if (mine === seq) document.body.classList.remove("loading");
    }
  }

  function formUrl(form) {
    const url = new URL(form.getAttribute("action") || "/", location.href);
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      if (typeof v === "string" && v.trim() !== "") params.append(k, v.trim());
    }
    url.search = params.toString();
    return url.href;
  }

  let timer = 0;

  document.addEventListener("click", (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest("a[href]");
    if (!a || a.target || a.hasAttribute("download")) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/api/") || url.pathname.startsWith("/assets/")) return;
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return; // an anchor
    e.preventDefault();
    clearTimeout(timer); // a click wins over a search still waiting for the typing to stop
    go(url.href, "push");
  });

  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!form.matches("form.search")) return;
    e.preventDefault();
    clearTimeout(timer);
    go(formUrl(form), "push");
  });

  document.addEventListener("input", (e) => {
    const t = e.target;
    if (!t.form || !t.form.matches("form.search")) return;
    clearTimeout(timer);
    const delay = t.name === "q" ? 250 : 500;
    // The form as it is then (the page may have been swapped meanwhile).
    timer = setTimeout(() => {
      const form = document.querySelector("form.search");
      if (form) go(formUrl(form), "replace");
    }, delay);
  });
  document.addEventListener("change", (e) => {
    const t = e.target;
    if (t.form && t.form.matches("form.search") && t.tagName === "SELECT") go(formUrl(t.form), "push");
  });

  window.addEventListener("popstate", () => go(location.href, "none"));
})();
