// Checks page: buttons that narrow the list of checks to one outcome. Without scripts the buttons stay
// hidden and every check is shown.
(function () {
  "use strict";

  function setUp() {
    var bar = document.querySelector(".dnd-checks-filter");
    var list = document.querySelector("ol.dnd-checks");
    if (!bar || !list || bar.dataset.ready === "yes") {
      return;
    }
    bar.dataset.ready = "yes";
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button[data-outcome]"));
    var checks = Array.prototype.slice.call(list.children);

    function show(outcome) {
      checks.forEach(function (check) {
        check.hidden = outcome !== "" && check.dataset.outcome !== outcome;
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.outcome === outcome));
      });
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        show(button.dataset.outcome);
      });
    });
    bar.hidden = false;
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
