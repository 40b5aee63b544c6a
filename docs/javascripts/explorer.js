// Figure explorer: text filter, facets, sorting, the view in the address (with a button that copies
// it) and a CSV of the rows shown.
// Everything it needs is in the table's HTML (data- attributes); it asks no other host for anything.
// The controls are hidden in the HTML and shown here, so a reader without scripts never sees a dead one.
(function () {
  "use strict";

  // The CSV's columns, named as in figures.csv, and the row attribute each comes from.
  var CSV_COLUMNS = [
    ["id", "id"],
    ["label", "label"],
    ["value", "value"],
    ["unit", "unit"],
    ["qualifier", "qualifier"],
    ["period", "period"],
    ["status", "status"],
    ["as_printed", "asPrinted"],
    ["source", "source"],
  ];

  // Lower case, and digits without the separators between them: "8,000" reads as "8000".
  function plain(text) {
    return text.toLowerCase().replace(/(\d),(?=\d)/g, "$1");
  }

  function setUp() {
    var input = document.getElementById("dnd-filter-input");
    var table = document.getElementById("dnd-explorer");
    if (!input || !table || input.dataset.ready === "yes") {
      return;
    }
    input.dataset.ready = "yes";
    var box = input.closest(".dnd-filter");
    var status = document.getElementById("dnd-filter-status");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-facet]"));
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var original = rows.slice();
    // What the text filter searches: the row as shown, its value as stored (so "8000" and "8,000" both
    // find a figure shown as "about 8,000"), and its figure's quote, which has no column of its own.
    var texts = rows.map(function (row) {
      return plain(row.textContent + " " + (row.dataset.value || "") + " " + (row.dataset.quote || ""));
    });
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var sort = { column: -1, order: "ascending" };

    // Each column header becomes a button that sorts by it; aria-sort tells which one is in force.
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dnd-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var order = sort.column === index && sort.order === "ascending" ? "descending" : "ascending";
        sortBy(index, order);
        save();
      });
    });

    // A cell sorts by its data-sort key when it has one (a number, an ISO period), else by its text.
    function key(row, index) {
      var cell = row.cells[index];
      return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim().toLowerCase();
    }

    // Numbers compare as numbers, ISO keys by code point, words as the reader's language orders them.
    function compare(a, b, byText) {
      var x = Number(a);
      var y = Number(b);
      if (!isNaN(x) && !isNaN(y)) {
        return x - y;
      }
      if (byText) {
        return a.localeCompare(b);
      }
      return a < b ? -1 : a > b ? 1 : 0;
    }

    function sortBy(index, order) {
      sort = { column: index, order: order };
      var byText = index >= 0 && original[0].cells[index].dataset.sort === undefined;
      var sorted = original.slice();
      if (index >= 0) {
        sorted.sort(function (a, b) {
          var x = key(a, index);
          var y = key(b, index);
          // An empty key (a date figure has no value) goes last in either order.
          if (x === "" || y === "") {
            return x === y ? 0 : x === "" ? 1 : -1;
          }
          var result = compare(x, y, byText);
          return order === "descending" ? -result : result;
        });
      }
      // Rows move only when their order changes, in one step: moving them costs a new layout.
      var current = Array.prototype.slice.call(body.rows);
      var moved = sorted.some(function (row, i) {
        return current[i] !== row;
      });
      if (moved) {
        var fragment = document.createDocumentFragment();
        sorted.forEach(function (row) {
          fragment.appendChild(row);
        });
        body.appendChild(fragment);
      }
      headers.forEach(function (th, i) {
        if (i === index) {
          th.setAttribute("aria-sort", order);
        } else {
          th.removeAttribute("aria-sort");
        }
      });
    }

    function apply() {
      var words = plain(input.value).split(/\s+/).filter(Boolean);
      var chosen = selects.filter(function (s) {
        return s.value;
      });
      var shown = 0;
      rows.forEach(function (row, index) {
        var match =
          words.every(function (word) {
            return texts[index].indexOf(word) !== -1;
          }) &&
          chosen.every(function (s) {
            return row.dataset[s.dataset.facet] === s.value;
          });
        row.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      status.textContent = (status.dataset.words || "{shown} of {total} figures shown")
        .replace("{shown}", shown)
        .replace("{total}", rows.length);
    }

    // The view lives in the address: ?filter=words&unit=krw&sort=Value&order=descending. Not `q`,
    // which the theme reads as a site search to open (a `q` of an older link is renamed by the
    // explorer page itself, before the theme starts: see macros/pages/explorer.py).
    function save() {
      var params = new URLSearchParams();
      if (input.value.trim()) {
        params.set(input.dataset.parameter, input.value.trim());
      }
      selects.forEach(function (s) {
        if (s.value) {
          params.set(s.dataset.facet, s.value);
        }
      });
      if (sort.column >= 0) {
        params.set("sort", headers[sort.column].textContent.trim());
        params.set("order", sort.order);
      }
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      input.value = params.get(input.dataset.parameter) || "";
      selects.forEach(function (s) {
        var wanted = params.get(s.dataset.facet) || "";
        var known = Array.prototype.some.call(s.options, function (o) {
          return o.value === wanted;
        });
        s.value = known ? wanted : "";
      });
      var column = headers.findIndex(function (th) {
        return th.textContent.trim() === params.get("sort");
      });
      sortBy(column, params.get("order") === "descending" ? "descending" : "ascending");
    }

    function csvField(text) {
      return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    function downloadShown() {
      var lines = [CSV_COLUMNS.map(function (c) {
        return c[0];
      }).join(",")];
      Array.prototype.forEach.call(body.rows, function (row) {
        if (!row.hidden) {
          lines.push(CSV_COLUMNS.map(function (c) {
            return csvField(row.dataset[c[1]] || "");
          }).join(","));
        }
      });
      var blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "figures-shown.csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () {
        URL.revokeObjectURL(link.href);
      }, 0);
    }

    function copyLink() {
      var copied = document.getElementById("dnd-filter-copied");
      var done = function () {
        copied.textContent = copied.dataset.words;
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(location.href).then(done, function () {
          copied.textContent = location.href;
        });
      } else {
        copied.textContent = location.href;
      }
    }

    box.hidden = false;
    input.addEventListener("input", function () {
      apply();
      save();
    });
    selects.forEach(function (s) {
      s.addEventListener("change", function () {
        apply();
        save();
      });
    });
    document.getElementById("dnd-filter-csv").addEventListener("click", downloadShown);
    document.getElementById("dnd-filter-link").addEventListener("click", copyLink);
    document.getElementById("dnd-filter-reset").addEventListener("click", function () {
      input.value = "";
      selects.forEach(function (s) {
        s.value = "";
      });
      sortBy(-1, "ascending");
      apply();
      save();
    });
    restore();
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
