// An editor's unsaved article survives an expired session (issue 8, "loses nothing").
// While the editor types, the article form is copied to this browser's localStorage; when
// the session has expired, saving leads to the login page and the typed text is not sent,
// but after logging in the form offers the copy back ("Restore" / "Discard"). The copy is
// dropped once the admin confirms a save. Loaded by ArticleAdmin.Media on its form and list.
"use strict";

(function () {
  const PREFIX = "vestis:draft:";
  const SUBMITTED = "vestis:draft-submitted"; // sessionStorage: the copy a save should clear
  const KEPT_FOR_MS = 14 * 24 * 60 * 60 * 1000;
  const SAVE_EVERY_MS = 5000;
  const SKIPPED_TYPES = ["hidden", "file", "password", "submit", "button", "reset"];

  // The rich-text editors announce themselves (their scripts are modules, run after this).
  const richEditors = new Map();
  document.addEventListener("prose-editor:ready", (event) => {
    richEditors.set(event.detail.textarea, event.detail.editor);
  });

  function store(kind) {
    try {
      return window[kind];
    } catch (error) {
      return null; // storage switched off: the admin works as it always did
    }
  }

  function read(storage, key) {
    try {
      return JSON.parse(storage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function forgetOldCopies(storage) {
    for (const key of Object.keys(storage)) {
      const copy = key.startsWith(PREFIX) && read(storage, key);
      if (key.startsWith(PREFIX) && !(copy && Date.now() - copy.savedAt < KEPT_FOR_MS)) {
        storage.removeItem(key);
      }
    }
  }

  // The fields an editor fills in, each under a stable key: its name and its place among
  // fields of that name. Hidden fields (formset counters, ids) stay as the page has them.
  function fields(form) {
    const seen = {};
    const found = [];
    for (const field of form.elements) {
      if (!field.name || field.name === "csrfmiddlewaretoken") continue;
      if (SKIPPED_TYPES.includes(field.type) || field.name.includes("__prefix__")) continue;
      seen[field.name] = (seen[field.name] || 0) + 1;
      found.push([`${field.name}#${seen[field.name]}`, field]);
    }
    return found;
  }

  function valueOf(field) {
    if (field.type === "checkbox" || field.type === "radio") return field.checked;
    if (field.tagName === "SELECT") {
      return Array.from(field.selectedOptions, (option) => [option.value, option.text]);
    }
    return field.value;
  }

  function snapshot(form) {
    return Object.fromEntries(fields(form).map(([key, field]) => [key, valueOf(field)]));
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function restoreField(field, value) {
    if (field.type === "checkbox" || field.type === "radio") {
      field.checked = value;
    } else if (field.tagName === "SELECT") {
      const wanted = new Map(value);
      for (const [optionValue, text] of wanted) {
        // An autocomplete box only has the options it has looked up: add the chosen one.
        if (!Array.from(field.options).some((option) => option.value === optionValue)) {
          field.add(new Option(text, optionValue));
        }
      }
      for (const option of field.options) option.selected = wanted.has(option.value);
    } else if (richEditors.has(field)) {
      richEditors.get(field).commands.setContent(value); // also writes the textarea
    } else {
      field.value = value;
    }
    field.dispatchEvent(new Event("change", { bubbles: true }));
    if (window.django && window.django.jQuery) window.django.jQuery(field).trigger("change");
  }

  function start(form, notice) {
    const local = store("localStorage");
    const session = store("sessionStorage");
    if (!local || !session) return;
    const who = document.querySelector("#user-tools strong");
    const key = `${PREFIX}${who ? who.textContent.trim() : ""}:${location.pathname}`;

    forgetOldCopies(local);
    const submitted = session.getItem(SUBMITTED);
    session.removeItem(SUBMITTED);
    if (submitted && document.querySelector(".messagelist .success")) {
      local.removeItem(submitted); // the admin confirmed the save: nothing left to keep
    }
    if (!form) return; // the article list, where a save lands

    const initial = snapshot(form);
    let offered = read(local, key);
    if (offered && !same(offered.fields, initial)) {
      const time = notice.querySelector("time");
      const savedAt = new Date(offered.savedAt);
      time.dateTime = savedAt.toISOString();
      time.textContent = savedAt.toLocaleString(document.documentElement.lang || undefined);
      notice.hidden = false;
    } else {
      offered = null;
    }

    function keep() {
      if (offered) return; // until the editor chooses, the offered copy is not overwritten
      const current = snapshot(form);
      if (same(current, initial)) {
        local.removeItem(key);
      } else {
        local.setItem(key, JSON.stringify({ savedAt: Date.now(), fields: current }));
      }
    }

    let pending = null;
    function keepSoon() {
      clearTimeout(pending);
      pending = setTimeout(keep, 500);
    }

    notice.querySelector("[data-draft-restore]").addEventListener("click", () => {
      const byKey = new Map(fields(form));
      for (const [fieldKey, value] of Object.entries(offered.fields)) {
        if (byKey.has(fieldKey)) restoreField(byKey.get(fieldKey), value);
      }
      offered = null;
      notice.hidden = true;
      keep();
    });
    notice.querySelector("[data-draft-discard]").addEventListener("click", () => {
      local.removeItem(key);
      offered = null;
      notice.hidden = true;
    });
    form.addEventListener("input", keepSoon);
    form.addEventListener("change", keepSoon);
    setInterval(keep, SAVE_EVERY_MS); // also catches widgets that change fields silently
    form.addEventListener("submit", () => {
      keep();
      session.setItem(SUBMITTED, key);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const notice = document.getElementById("draft-notice");
    start(notice ? notice.closest("form") : null, notice);
  });
})();
