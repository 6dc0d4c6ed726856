// her2mine review: keyboard shortcuts and in-place decisions (no framework, no build step).
// List: j/k move, o/Enter open, a accept, r reject, / search. Detail: j/k next/previous,
// a/r decide, c correct, u back to the list. Every POST carries the CSRF token.
(function () {
  "use strict";
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.content : "";
  const body = document.body;
  const page = body.dataset.page;
  const hasCurator = body.dataset.curator !== "";

  function typing(e) {
    const t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function toast(text, isError) {
    const el = document.getElementById("live");
    if (!el) return;
    el.textContent = text;
    el.classList.toggle("error", !!isError);
    el.classList.add("show");
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => el.classList.remove("show"), 2200);
  }

  function askCurator() {
    location.href = "/curator?next=" + encodeURIComponent(location.pathname + location.search);
  }

  // ---- evidence list ------------------------------------------------------------------
  const rows = Array.from(document.querySelectorAll("tr[data-evidence-id]"));
  let current = -1;

  function select(i) {
    if (!rows.length) return;
    i = Math.max(0, Math.min(rows.length - 1, i));
    if (current >= 0 && rows[current]) rows[current].classList.remove("selected");
    current = i;
    rows[i].classList.add("selected");
    rows[i].scrollIntoView({ block: "nearest" });
  }

  async function decide(row, decision) {
    if (!hasCurator) { askCurator(); return; }
    const form = new URLSearchParams({ decision: decision, evidence_hash: row.dataset.hash, csrf: csrf });
    let resp;
    try {
      resp = await fetch("/evidence/" + row.dataset.evidenceId + "/decision", {
        method: "POST",
        headers: { "X-CSRF-Token": csrf, "Accept": "application/json" },
        body: form,
        credentials: "same-origin",
      });
    } catch (err) {
      toast("Not saved: " + err, true);
      return;
    }
    const data = await resp.json().catch(() => ({}));
    if (!resp.ok) { toast("Not saved: " + (data.error || resp.status), true); return; }
    const badge = row.querySelector(".status .badge");
    if (badge) {
      badge.textContent = data.review_status;
      badge.className = "badge status-" + data.review_status;
    }
    row.className = row.className.replace(/\brow-\w+/, "row-" + data.review_status);
    toast(decision + " ✓");
    if (rows.indexOf(row) === current) select(current + 1);
  }

  if (rows.length) {
    select(0);
    rows.forEach((row, i) => {
      row.addEventListener("click", (e) => {
        if (e.target.closest("a")) return;
        select(i);
      });
      row.addEventListener("dblclick", () => { location.href = row.dataset.href; });
    });
  }

  // ---- keys -----------------------------------------------------------------------------
  function click(id) { const el = document.getElementById(id); if (el) el.click(); }
  function go(id) { const el = document.getElementById(id); if (el) location.href = el.href; }

  document.addEventListener("keydown", (e) => {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (page === "evidence_list") {
      switch (e.key) {
        case "j": select(current + 1); break;
        case "k": select(current - 1); break;
        case "o": case "Enter": if (rows[current]) location.href = rows[current].dataset.href; break;
        case "a": if (rows[current]) decide(rows[current], "accepted"); break;
        case "r": if (rows[current]) decide(rows[current], "rejected"); break;
        case "/": { const s = document.getElementById("search"); if (s) s.focus(); break; }
        default: return;
      }
      e.preventDefault();
    } else if (page === "evidence_detail") {
      switch (e.key) {
        case "j": go("next-link"); break;
        case "k": go("prev-link"); break;
        case "a": hasCurator ? click("accept-btn") : askCurator(); break;
        case "r": hasCurator ? click("reject-btn") : askCurator(); break;
        case "c": { const v = document.getElementById("corrected_value"); if (v) v.focus(); break; }
        case "u": go("back-link"); break;
        default: return;
      }
      e.preventDefault();
    }
  });
})();
