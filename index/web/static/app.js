// The page works without this file; it only saves clicks.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // A new sort order applies at once, without a second click on Search.
  for (const sel of document.querySelectorAll("select[data-autosubmit]")) {
    sel.addEventListener("change", () => sel.form.requestSubmit());
  }
  // "/" jumps to the query box from anywhere on the page, unless the
  // analyst is already typing somewhere.
  const box = document.getElementById("q");
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || !box) return;
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t.isContentEditable) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
});
