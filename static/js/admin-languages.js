// The admin's translated fields, each in its own language (issue 14).
// - Every field of one language (modeltranslation marks them "mt-field-<name>-<lang>")
//   gets that language as its `lang`, so that the browser's spell-checker checks Latvian
//   text as Latvian and Russian as Russian.
// - The article body's editor (django-prose-editor) gets the same, with spell-checking on,
//   and its toolbar in the admin's language: the package writes its tooltips and its
//   block-type menu in English and translates only its dialogs, so the words below come
//   from the project's djangojs catalogue (locale/*/LC_MESSAGES/djangojs.po).
// Loaded by templates/admin/base_site.html after the admin's JavaScript catalogue.
"use strict";

(function () {
  const gettext = window.gettext || ((text) => text);
  const interpolate = window.interpolate || ((text) => text);
  const FIELD_LANGUAGE = /(?:^|\s)mt-field-\S+-([a-z]{2}(?:_[a-z]+)?)(?:\s|$)/;

  // The package's English words, as it writes them, and the catalogue's for them.
  const WORDS = {
    bold: gettext("Bold"),
    italic: gettext("Italic"),
    underline: gettext("Underline"),
    strike: gettext("Strikethrough"),
    subscript: gettext("Subscript"),
    superscript: gettext("Superscript"),
    paragraph: gettext("Paragraph"),
    Paragraph: gettext("Paragraph"),
    blockquote: gettext("Quotation"),
    "unordered list": gettext("Bulleted list"),
    "ordered list": gettext("Numbered list"),
    "horizontal rule": gettext("Horizontal line"),
    "insert link": gettext("Insert a link"),
    "remove link": gettext("Remove the link"),
    "edit HTML": gettext("Edit HTML"),
    undo: gettext("Undo"),
    redo: gettext("Redo"),
    figure: gettext("Figure"),
    "Code block": gettext("Code block"),
    Code: gettext("Code"),
    "Insert table": gettext("Insert a table"),
  };
  // The dialogs' words: the package asks gettext() for them itself; listed here so that
  // makemessages keeps them in the catalogue.
  [
    gettext("Edit Link"),
    gettext("URL"),
    gettext("Title"),
    gettext("Open in new window"),
    gettext("Update"),
    gettext("Insert"),
    gettext("Cancel"),
    gettext("Toggle fullscreen"),
    gettext("Prettify"),
    gettext("Edit HTML"),
    gettext(
      "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema."
    ),
  ];
  const HEADING = /^heading (\d)$/i;

  function translated(english) {
    if (Object.hasOwn(WORDS, english)) return WORDS[english];
    const heading = HEADING.exec(english);
    if (heading) {
      return interpolate(gettext("Heading %(level)s"), { level: heading[1] }, true);
    }
    return null;
  }

  function translateMenubar(menubar) {
    for (const button of menubar.querySelectorAll("[title]")) {
      const words = translated(button.title);
      if (words && words !== button.title) {
        button.title = words;
        button.setAttribute("aria-label", words);
      }
    }
    // The block-type menu's entries: elements holding nothing but their English name.
    for (const entry of menubar.querySelectorAll("p, h1, h2, h3, h4, h5, h6")) {
      const words = entry.children.length === 0 && translated(entry.textContent.trim());
      if (words && words !== entry.textContent) entry.textContent = words;
    }
  }

  function languageOf(element) {
    const match = FIELD_LANGUAGE.exec(element.className || "");
    return match && match[1].replace("_", "-");
  }

  function markFields(root) {
    for (const field of root.querySelectorAll("[class*='mt-field-']")) {
      const language = languageOf(field);
      if (language) field.lang = language;
    }
  }

  // Each editor announces itself when ready (django-prose-editor's own event).
  document.addEventListener("prose-editor:ready", (event) => {
    const { editor, textarea } = event.detail;
    const language = languageOf(textarea);
    const content = editor.view.dom;
    if (language) content.lang = language;
    content.spellcheck = true;
    // The toolbar comes a moment later, and shows the current block's entry again as the
    // caret moves: translate whatever appears in it.
    const wrapper = textarea.closest(".prose-editor") || textarea.parentElement;
    const translateAll = () => wrapper.querySelectorAll(".prose-menubar").forEach(translateMenubar);
    translateAll();
    new MutationObserver(translateAll).observe(wrapper, { childList: true, subtree: true });
  });

  document.addEventListener("DOMContentLoaded", () => markFields(document));
})();
