// Progressive enhancement only: every page works without this file.
"use strict";
(function () {
  // Upload: send the form in the background, show the transfer and then each stage's progress.
  const form = document.getElementById("upload-form");
  const box = document.getElementById("upload-progress");
  if (!form || !box) return;
  const bars = document.getElementById("upload-bars");
  const state = document.getElementById("upload-state");
  const result = document.getElementById("upload-result");

  function bar(label, done, total) {
    let row = bars.querySelector('[data-label="' + CSS.escape(label) + '"]');
    if (!row) {
      row = document.createElement("div");
      row.dataset.label = label;
      const name = document.createElement("div");
      name.className = "small";
      const outer = document.createElement("div");
      outer.className = "bar";
      outer.appendChild(document.createElement("span"));
      row.appendChild(name);
      row.appendChild(outer);
      bars.appendChild(row);
    }
    row.firstChild.textContent = label + " " + done + "/" + total;
    row.querySelector("span").style.width = (total ? Math.round(100 * done / total) : 0) + "%";
  }

  function show(job) {
    state.textContent = job.state;
    for (const [label, pair] of Object.entries(job.progress || {})) bar(label, pair[0], pair[1]);
    if (job.state === "done") {
      const r = job.result || {};
      result.hidden = false;
      result.textContent = "Done: " + (r.new || []).length + " new article(s), " + (r.duplicates || 0) +
        " already stored, " + (r.rejected || []).length + " rejected" +
        ((r.rejected || []).length ? " (" + r.rejected.map(x => x.join(": ")).join("; ") + ")" : "") + ".";
      for (const id of r.new || []) {
        const a = document.createElement("a");
        a.href = "/articles/" + Number(id);
        a.textContent = " article " + Number(id);
        result.appendChild(a);
      }
    } else if (job.state === "failed") {
      result.hidden = false;
      result.textContent = "Failed: " + job.error;
    }
  }

  function poll(id) {
    fetch("/upload/jobs/" + encodeURIComponent(id), {headers: {Accept: "application/json"}})
      .then(r => r.json()).then(job => {
        show(job);
        if (job.state === "queued" || job.state === "running") setTimeout(() => poll(id), 500);
      });
  }

  if (box.dataset.job) poll(box.dataset.job);

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    box.hidden = false;
    bars.textContent = "";
    result.hidden = true;
    state.textContent = "sending";
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = e => { if (e.lengthComputable) bar("upload", e.loaded, e.total); };
    xhr.onload = function () {
      let job = null;
      try { job = JSON.parse(xhr.responseText); } catch (e) { job = null; }
      if (xhr.status === 202 && job) { show(job); poll(job.id); }
      else { state.textContent = "refused"; result.hidden = false;
        result.textContent = (job && (job.detail || job.error)) || ("HTTP " + xhr.status); }
    };
    xhr.send(new FormData(form));
  });
})();
