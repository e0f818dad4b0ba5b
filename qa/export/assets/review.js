// Review page behaviour: filters, finding tooltips on hover and focus, n/p to move between findings.
// Text is only ever set through textContent: nothing from the digest is parsed as HTML.
(function () {
  "use strict";

  var tip = document.getElementById("tip");
  var status = document.getElementById("filter-status");
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var items = {};
  Array.prototype.forEach.call(document.querySelectorAll("li.finding"), function (li) {
    items[li.id] = li;
  });
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input[type=checkbox]"));

  function findingsOf(mark) {
    return mark.getAttribute("data-findings").split(" ").map(function (id) { return items[id]; });
  }

  function applyFilters() {
    var off = {};
    boxes.forEach(function (box) { if (!box.checked) off[box.value] = true; });
    var shown = 0;
    Object.keys(items).forEach(function (id) {
      var li = items[id];
      li.hidden = Boolean(off["severity:" + li.dataset.severity] || off["family:" + li.dataset.family]);
      if (!li.hidden) shown += 1;
    });
    marks.forEach(function (mark) {
      var visible = findingsOf(mark).some(function (li) { return !li.hidden; });
      mark.classList.toggle("off", !visible);
      mark.tabIndex = visible ? 0 : -1;
    });
    if (status) status.textContent = shown + " of " + Object.keys(items).length + " findings shown";
    hideTip();
  }

  function showTip(mark) {
    var visible = findingsOf(mark).filter(function (li) { return !li.hidden; });
    if (!visible.length) return hideTip();
    var lines = visible.map(function (li) {
      var p = document.createElement("p");
      var rule = document.createElement("span");
      rule.className = "tip-rule";
      rule.textContent = li.dataset.severity + " " + li.querySelector(".rule").textContent;
      p.appendChild(rule);
      p.appendChild(document.createTextNode(": " + li.querySelector(".msg").textContent));
      return p;
    });
    tip.replaceChildren.apply(tip, lines);
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function hideTip() {
    tip.hidden = true;
  }

  function markOf(target) {
    var mark = target instanceof Element ? target.closest("mark.hl") : null;
    return mark && !mark.classList.contains("off") ? mark : null;
  }

  function step(direction) {
    var visible = marks.filter(function (mark) { return !mark.classList.contains("off"); });
    if (!visible.length) return;
    var current = visible.indexOf(document.activeElement);
    if (current < 0) {
      var below = visible.findIndex(function (mark) { return mark.getBoundingClientRect().top > 0; });
      current = direction > 0 ? (below < 0 ? visible.length : below) - 1 : (below < 0 ? visible.length : below);
    }
    var next = visible[(current + direction + visible.length) % visible.length];
    next.focus();
    next.scrollIntoView({ block: "center" });
  }

  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark) showTip(mark);
  });
  document.addEventListener("mouseout", function (event) {
    if (markOf(event.target) && document.activeElement !== markOf(event.target)) hideTip();
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) showTip(mark); else hideTip();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") return hideTip();
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof Element && event.target.closest("input, textarea, select")) return;
    if (event.key === "n" || event.key === "j") { event.preventDefault(); step(1); }
    if (event.key === "p" || event.key === "k") { event.preventDefault(); step(-1); }
  });
  boxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
  applyFilters();
})();
