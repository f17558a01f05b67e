// Progressive enhancement of the poll forms (issue 5); without it every form still works.
// Pages carry the same poll HTML for every reader so that they can be cached. This script
// asks the server (never cached) for a fresh CSRF token and whether this reader has
// voted, shows fresh results when they should see them, and votes without a page load.
"use strict";

(function () {
  const JSON_HEADERS = { Accept: "application/json" };

  function show(poll, answer) {
    if (answer.results_html) {
      poll.querySelector(".poll__results").innerHTML = answer.results_html;
      poll.classList.add("poll--voted");
    }
    poll.querySelector(".poll__status").textContent = answer.message || "";
  }

  async function vote(event, poll, form) {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    let answer;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: JSON_HEADERS,
      });
      answer = await response.json();
    } catch (error) {
      form.submit(); // an unexpected answer: let the server speak to the reader directly
      return;
    } finally {
      button.disabled = false;
    }
    show(poll, answer);
  }

  async function enhance(poll) {
    let state;
    try {
      const response = await fetch(poll.dataset.pollState, {
        credentials: "same-origin",
        headers: JSON_HEADERS,
      });
      if (!response.ok) return;
      state = await response.json();
    } catch (error) {
      return; // the plain form remains
    }
    for (const input of poll.querySelectorAll("input[name=csrfmiddlewaretoken]")) {
      input.value = state.csrf_token;
    }
    // This form's own key: a vote sent again after an error is known as the same vote.
    for (const input of poll.querySelectorAll("input[name=vote_key]")) {
      input.value = state.vote_key;
    }
    show(poll, state);
    const form = poll.querySelector(".poll__form");
    if (form) form.addEventListener("submit", (event) => vote(event, poll, form));
  }

  document.querySelectorAll("[data-poll-state]").forEach(enhance);
})();
