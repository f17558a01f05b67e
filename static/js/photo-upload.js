// Many photos uploaded at once (issue 14): the form is sent by XMLHttpRequest so that a
// bar shows how much has gone; the server's answer then takes this page's place, as after
// a plain submit: the photos' texts page, or the form with its errors. Without JavaScript
// the form posts as any form does.
"use strict";

(function () {
  // The server's answer in place of this page: the photos' texts page it redirected to
  // (whose messages the request has already taken), or this form with its errors.
  function showAnswer(request, form) {
    const answer = new DOMParser().parseFromString(request.responseText, "text/html");
    const main = answer.querySelector("main");
    if (!main && request.status >= 400) {
      // Not the admin's answer: nginx refused the request (413, too large) or the app
      // server failed or timed out. Say so on this page, which keeps the choice.
      const refused = form.querySelector(".upload-refused");
      refused.textContent = form.dataset.refused;
      refused.hidden = false;
      form.querySelector(".upload-progress").hidden = true;
      form.querySelector("[type=submit]").disabled = false;
      return;
    }
    if (!main) {
      window.location.assign(request.responseURL);
      return;
    }
    document.querySelector("main").replaceWith(main);
    const breadcrumbs = answer.querySelector(".breadcrumbs");
    if (breadcrumbs) document.querySelector(".breadcrumbs")?.replaceWith(breadcrumbs);
    document.title = answer.title;
    if (request.responseURL !== window.location.href) {
      window.history.replaceState(null, "", request.responseURL);
    }
    watch(main.querySelector("#photo-upload"));
  }

  function watch(form) {
    if (!form) return;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const box = form.querySelector(".upload-progress");
      const bar = box.querySelector("progress");
      const figure = box.querySelector("output");
      const button = form.querySelector("[type=submit]");
      const request = new XMLHttpRequest();
      request.open("POST", form.action || window.location.href);
      request.upload.addEventListener("progress", (progress) => {
        if (!progress.lengthComputable) return;
        const percent = Math.round((100 * progress.loaded) / progress.total);
        bar.value = percent;
        figure.textContent = `${percent} %`;
      });
      request.addEventListener("load", () => showAnswer(request, form));
      request.addEventListener("error", () => {
        button.disabled = false;
        box.hidden = true;
        form.submit(); // the network failed: let the browser try, and say why
      });
      box.hidden = false;
      button.disabled = true;
      request.send(new FormData(form));
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    watch(document.querySelector("#photo-upload"));
  });
})();
