// The article gallery's photo viewer (issue 16): a click on a photo of the strip opens it
// large in a modal dialog, with its caption and credit, the previous and next photos (buttons,
// the ← and → keys, a swipe), Esc to close and a link to the original. Without this script
// each photo is a plain link to its largest JPEG. Labels come from the strip's data-viewer-*
// attributes, which the template translates.
"use strict";

(function () {
  const SWIPE = 50; // pixels sideways that count as a swipe

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(className, label, symbol) {
    const node = element("button", className, symbol);
    node.type = "button";
    node.setAttribute("aria-label", label);
    return node;
  }

  function photosOf(strip) {
    return Array.from(strip.querySelectorAll(".photo-strip__item")).map(function (item) {
      const link = item.querySelector(".photo-strip__link");
      const image = link.querySelector("img");
      const text = item.querySelector(".photo-caption__text");
      const credit = item.querySelector(".photo-caption__credit");
      return {
        link: link,
        href: link.href,
        alt: image ? image.alt : "",
        text: text ? text.textContent.trim() : "",
        credit: credit ? credit.textContent.trim() : "",
      };
    });
  }

  function viewer(strip) {
    const labels = strip.dataset;
    const photos = photosOf(strip);
    let current = 0;

    const dialog = element("dialog", "viewer");
    dialog.setAttribute("aria-label", labels.viewerLabel);
    const frame = element("div", "viewer__frame");
    const bar = element("div", "viewer__bar");
    const count = element("p", "viewer__count");
    count.setAttribute("aria-live", "polite");
    const close = button("viewer__close", labels.viewerClose, "×");
    bar.append(count, close);
    const stage = element("div", "viewer__stage");
    const image = element("img", "viewer__image");
    image.draggable = false; // a mouse drag is a swipe, not a drag of the picture
    const previous = button("viewer__previous", labels.viewerPrevious, "←");
    const next = button("viewer__next", labels.viewerNext, "→");
    stage.append(image, previous, next);
    const caption = element("div", "viewer__caption");
    const text = element("p", "viewer__text");
    const credit = element("span", "viewer__credit");
    const original = element("a", "viewer__original", labels.viewerOriginal);
    caption.append(text, credit, original);
    frame.append(bar, stage, caption);
    dialog.append(frame);
    document.body.append(dialog);

    function show(index) {
      current = (index + photos.length) % photos.length;
      const photo = photos[current];
      image.src = photo.href;
      image.alt = photo.alt;
      text.textContent = photo.text;
      text.hidden = !photo.text;
      credit.textContent = photo.credit;
      credit.hidden = !photo.credit;
      original.href = photo.href;
      // One translated sentence with its places marked, as each language orders it.
      count.textContent = labels.viewerCount
        .replace("{current}", String(current + 1))
        .replace("{total}", String(photos.length));
      previous.hidden = next.hidden = photos.length < 2;
    }

    close.addEventListener("click", function () { dialog.close(); });
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") show(current - 1);
      else if (event.key === "ArrowRight") show(current + 1);
      else return;
      event.preventDefault();
    });
    // Esc closes a modal dialog by itself; focus then returns to the photo that opened it.
    dialog.addEventListener("close", function () { photos[current].link.focus(); });

    let startX = null;
    stage.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    stage.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      const moved = event.clientX - startX;
      startX = null;
      if (Math.abs(moved) >= SWIPE) show(moved < 0 ? current + 1 : current - 1);
    });

    photos.forEach(function (photo, index) {
      photo.link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        show(index);
        dialog.showModal();
        close.focus();
      });
    });
  }

  document.querySelectorAll(".photo-strip").forEach(function (strip) {
    if (typeof HTMLDialogElement === "function") viewer(strip);
  });
})();
