// Figure explorer: a text filter over the table, working without any other host.
// The filter is hidden in the HTML and shown here, so a reader without scripts never sees a dead control.
(function () {
  "use strict";

  function setUp() {
    var input = document.getElementById("dnd-filter-input");
    var table = document.getElementById("dnd-explorer");
    if (!input || !table || input.dataset.ready === "yes") {
      return;
    }
    input.dataset.ready = "yes";
    var box = input.closest(".dnd-filter");
    var status = document.getElementById("dnd-filter-status");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) {
      return row.textContent.toLowerCase();
    });

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = words.every(function (word) {
          return texts[index].indexOf(word) !== -1;
        });
        row.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      status.textContent = shown + " of " + rows.length + " figures shown";
    }

    box.hidden = false;
    input.addEventListener("input", apply);
    apply();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
