// The header for a keyboard as for a mouse.
// The theme draws its menu (navigation drawer) and search buttons as labels of hidden checkboxes: a
// mouse clicks them, the Tab key never reaches them. Each gets a button in its place that clicks the
// same label (so the theme's own handlers run), says whether what it opens is open, takes the focus
// into what it opened, and gets it back when that closes (Escape, or the focus leaving the drawer).
// The language menu, which the theme opens while the focus is in it, closes at once when the focus
// leaves it, rather than fading out over the next thing focused.
(function () {
  "use strict";

  var FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])";

  function shown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }

  function firstFocusable(container) {
    return Array.prototype.find.call(container.querySelectorAll(FOCUSABLE), shown) || null;
  }

  // A button for a label of a toggle: named by what it opens (the navigation's or the search's own
  // name, so each edition names it in its language).
  function keyed(label, name, opened, afterClose) {
    var toggle = document.getElementById(label.htmlFor);
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.dataset.toggle = label.htmlFor;
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.hidden = true;
    label.setAttribute("aria-hidden", "true");
    label.parentNode.insertBefore(button, label);
    button.addEventListener("click", function () {
      var opening = !toggle.checked;
      label.click();
      if (opening && opened) {
        opened();
      }
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
      // Closed while the focus was in what it opened, or lost (the theme blurs the search field):
      // the focus comes back to the button, where the reader left off.
      if (!toggle.checked && shown(button) && afterClose(document.activeElement)) {
        button.focus();
      }
    });
    return button;
  }

  function setUp() {
    var header = document.querySelector(".md-header");
    if (!header || header.dataset.keys === "yes") {
      return;
    }
    header.dataset.keys = "yes";
    var lost = function (element) {
      return !element || element === document.body;
    };

    var drawer = document.querySelector(".md-sidebar--primary");
    var leaving = false;
    var menu = header.querySelector("label.md-header__button[for=__drawer]");
    var navigation = drawer && drawer.querySelector("nav[aria-label]");
    if (menu && navigation) {
      var drawerToggle = document.getElementById("__drawer");
      var menuButton = keyed(
        menu,
        navigation.getAttribute("aria-label"),
        function () {
          // The drawer is shown as soon as its toggle is checked (docs/stylesheets/extra.css).
          var first = firstFocusable(drawer);
          if (first) {
            first.focus({ preventScroll: true });
          }
        },
        function (element) {
          return !leaving && (lost(element) || drawer.contains(element));
        }
      );
      // The drawer's own buttons, labels the theme opens with Enter but leaves out of the tab order:
      // back from a section's panel, the page's contents, and the open section's button.
      Array.prototype.forEach.call(
        drawer.querySelectorAll(
          "label.md-nav__title[for^='__nav'], label.md-nav__link[for='__toc'], label.md-nav__link[for^='__nav']:not([tabindex])"
        ),
        function (label) {
          label.tabIndex = 0;
        }
      );
      drawer.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && drawerToggle.checked && shown(menuButton)) {
          drawerToggle.click();
        }
      });
      // The focus leaving the open drawer for the page behind it closes the drawer.
      drawer.addEventListener("focusout", function (event) {
        var next = event.relatedTarget;
        if (drawerToggle.checked && shown(menuButton) && next && !drawer.contains(next) && next !== menuButton) {
          leaving = true;
          drawerToggle.click();
          leaving = false;
        }
      });
    }

    var search = header.querySelector("label.md-header__button[for=__search]");
    var dialog = header.querySelector(".md-search");
    if (search && dialog) {
      // The theme's own click handler on the label focuses the field before the search is shown
      // (and so focusable): the field is focused again once it is.
      var field = dialog.querySelector(".md-search__input");
      keyed(search, dialog.getAttribute("aria-label"), function () {
        field.focus();
      }, function (element) {
        return lost(element) || dialog.contains(element);
      });
    }

    Array.prototype.forEach.call(header.querySelectorAll(".md-select"), function (select) {
      select.addEventListener("focusout", function (event) {
        if (!select.contains(event.relatedTarget)) {
          select.classList.add("dnd-shut");
        }
      });
      select.addEventListener("focusin", function () {
        select.classList.remove("dnd-shut");
      });
      select.addEventListener("mouseenter", function () {
        select.classList.remove("dnd-shut");
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
