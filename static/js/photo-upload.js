// Many photos uploaded at once (issue 14): the form is sent by XMLHttpRequest so that a
// bar shows how much has gone; the server's answer is then followed as a plain submit
// would be (the photos' texts page), or, when it refused the form, its errors are shown
// in place. Without JavaScript the form posts as any form does.
"use strict";

(function () {
  function showAnswer(request) {
    const answer = new DOMParser().parseFromString(request.responseText, "text/html");
    const content = answer.querySelector("#content-main");
    const messages = answer.querySelector(".messagelist");
    if (!content) {
      window.location.reload();
      return;
    }
    document.querySelector("#content-main").replaceWith(content);
    document.querySelector(".messagelist")?.remove();
    if (messages) content.before(messages);
    watch(content.querySelector("#photo-upload"));
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
      request.addEventListener("load", () => {
        if (request.status < 300 && request.responseURL !== window.location.href) {
          window.location.assign(request.responseURL);
        } else {
          showAnswer(request);
        }
      });
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
