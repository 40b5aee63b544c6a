// Figure explorer: text filter, facets, sorting, the view in the address (with a button that copies
// it) and a CSV of the rows shown.
// Everything it needs is in the table's HTML (data- attributes); it asks no other host for anything.
// The controls are hidden in the HTML and shown here, so a reader without scripts never sees a dead one.
(function () {
  "use strict";

  // Lower case, and digits without the separators between them: "8,000" reads as "8000".
  function plain(text) {
    return text.toLowerCase().replace(/(\d),(?=\d)/g, "$1");
  }

  function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // A number typed matches a whole number only: 8000 finds 8,000, not 18,000 or 480,000, nor the
  // 8,000 of the Korean "1만 8,000" (18,000), which follows one of the edition's words for a large
  // number (the table's data-scales: "만:10000 억:100000000 조:…", "million:1000000 …"). A number
  // typed as the page shows it ("1만 8,000", "2.2 million") is read as the number it is, and a figure
  // is found by its value as well as by its row's words: 18000 finds the figure shown as "1만 8,000".
  var NUMBER = /^\d+(\.\d+)?$/;
  var AFTER = "(?!\\d|\\.\\d)";

  function numbers(scales) {
    var sizes = {};
    var words = scales
      .split(" ")
      .filter(Boolean)
      .map(function (pair) {
        var at = pair.lastIndexOf(":");
        sizes[pair.slice(0, at)] = Number(pair.slice(at + 1));
        return escaped(pair.slice(0, at));
      });
    var scale = words.length ? "(?:" + words.join("|") + ")(?![a-z])" : null;
    var before = "(?<![\\d.,])" + (scale ? "(?<!(?:" + words.join("|") + ") ?)" : "");
    // Groups of a number and a scale word, largest first, and perhaps a last number without one.
    var scaled = scale ? new RegExp("(?:\\d+(?:\\.\\d+)?) ?" + scale + "(?: ?\\d+(?:\\.\\d+)? ?" + scale + ")*(?: ?\\d+(?![\\d.]))?", "g") : null;
    var group = scale ? new RegExp("(\\d+(?:\\.\\d+)?)(?: ?(" + words.join("|") + "))?", "g") : null;

    function value(text) {
      var sum = 0;
      text.replace(group, function (all, digits, word) {
        // 10.1조 is a whole number of won; in binary 10.1 × 10¹² is a hair below it.
        sum += word ? Math.round(Number(digits) * sizes[word]) : Number(digits);
      });
      return sum;
    }

    // The terms of what was typed (already plain): a word, or a number with the text it was typed as.
    function terms(typed) {
      var found = [];
      var rest = scaled
        ? typed.replace(scaled, function (text) {
            found.push({ text: text.trim(), number: value(text) });
            return " ";
          })
        : typed;
      rest.split(/\s+/).forEach(function (word) {
        if (word) {
          found.push({ text: word, number: NUMBER.test(word) ? Number(word) : null });
        }
      });
      return found;
    }

    // Where a term stands in a text as a whole; in a text as printed, a number's digits may be
    // grouped (8000 stands as 8,000) and its scale word spaced or not (1만 8000, 1만8,000).
    function pattern(term) {
      if (term.number === null) {
        return new RegExp(escaped(term.text));
      }
      var body = escaped(term.text).replace(/(\d)(?=\d)/g, "$1,?");
      if (NUMBER.test(term.text)) {
        return new RegExp(before + body + AFTER);
      }
      // A number with a scale word ends where no smaller group follows: 12만 is not the start of 12만 7,000.
      body = body.replace(/ /g, " ?").replace(new RegExp("(\\d)(?=" + scale + ")", "g"), "$1 ?");
      return new RegExp(before + body + "(?! ?\\d)" + AFTER);
    }

    return { terms: terms, pattern: pattern };
  }

  // The words of an element as the reader sees them, one space between its texts (a cell's label and
  // its id, two cells side by side), so no two numbers run together.
  function words(element) {
    var parts = [];
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      parts.push(node.data);
    }
    return parts.join(" ");
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
    // What the text filter searches: the row as shown, and its figure's quote, which has no column of
    // its own: a row found by its quote alone shows the words it was found by.
    var texts = rows.map(function (row) {
      return plain(words(row));
    });
    var quotes = rows.map(function (row) {
      return row.dataset.quote || "";
    });
    var values = rows.map(function (row) {
      return row.dataset.value ? Number(row.dataset.value) : null;
    });
    var reader = numbers(table.dataset.scales || "");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var download = (table.dataset.download || "").split(" ").filter(Boolean);
    var languages = Array.prototype.slice.call(document.querySelectorAll("a.md-select__link[hreflang]"));
    languages.forEach(function (link) {
      link.dataset.page = link.getAttribute("href");
    });
    var more = box.querySelector(".dnd-filter-more");
    var wide = window.matchMedia("(min-width: 45em)");
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

    // The quote's words around the first term only the quote holds, that term marked.
    function excerpt(quote, found) {
      var at = null;
      found.some(function (term) {
        at = reader.pattern(term).exec(quote.toLowerCase());
        return at !== null;
      });
      if (at === null) {
        return [quote, "", ""];
      }
      var start = Math.max(0, at.index - 60);
      var end = Math.min(quote.length, at.index + at[0].length + 60);
      return [
        (start > 0 ? "…" : "") + quote.slice(start, at.index),
        quote.slice(at.index, at.index + at[0].length),
        quote.slice(at.index + at[0].length, end) + (end < quote.length ? "…" : ""),
      ];
    }

    function showMatch(row, index, onlyQuoted) {
      var shown = row.querySelector(".dnd-match");
      if (!onlyQuoted.length) {
        if (shown) {
          shown.remove();
        }
        return;
      }
      if (!shown) {
        shown = document.createElement("span");
        shown.className = "dnd-match";
        row.cells[0].appendChild(shown);
      }
      var parts = excerpt(quotes[index], onlyQuoted);
      var mark = document.createElement("mark");
      mark.textContent = parts[1];
      var quote = document.createElement("q");
      quote.lang = row.dataset.quoteLang || "";
      quote.append(parts[0], mark, parts[2]);
      shown.replaceChildren((table.dataset.matched || "") + " ", quote);
    }

    function apply() {
      var typed = reader.terms(plain(input.value));
      var tests = typed.map(function (term) {
        var where = reader.pattern(term);
        return function (text, value) {
          return (term.number !== null && value === term.number) || where.test(text);
        };
      });
      var chosen = selects.filter(function (s) {
        return s.value;
      });
      var shown = 0;
      rows.forEach(function (row, index) {
        var quote = plain(quotes[index]);
        var onlyQuoted = [];
        var match =
          tests.every(function (test, n) {
            if (test(texts[index], values[index])) {
              return true;
            }
            if (test(quote, null)) {
              onlyQuoted.push(typed[n]);
              return true;
            }
            return false;
          }) &&
          chosen.every(function (s) {
            // An option may hold several keys (one edition's words for two of them).
            return s.value.split(" ").indexOf(facetKey(row, s.dataset.facet)) !== -1;
          });
        row.hidden = !match;
        showMatch(row, index, match ? onlyQuoted : []);
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
        params.set("sort", headers[sort.column].dataset.column);
        params.set("order", sort.order);
      }
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      // The language switch leads to the same view in the other edition: the address names the
      // facets and the sort by keys that are the same in both.
      languages.forEach(function (link) {
        link.setAttribute("href", link.dataset.page + (query ? "?" + query : ""));
      });
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      input.value = params.get(input.dataset.parameter) || "";
      selects.forEach(function (s) {
        // The other edition may hold a key in an option of its own or with another key: the option
        // that holds the first key named.
        var wanted = (params.get(s.dataset.facet) || "").split(" ")[0];
        var known = Array.prototype.find.call(s.options, function (o) {
          return wanted && o.value.split(" ").indexOf(wanted) !== -1;
        });
        s.value = known ? known.value : "";
      });
      // A column by its name; an older link named it by its title.
      var column = headers.findIndex(function (th) {
        return th.dataset.column === params.get("sort") || th.textContent.trim() === params.get("sort");
      });
      more.open = more.open || wide.matches || selects.some(function (s) {
        return s.value;
      });
      sortBy(column, params.get("order") === "descending" ? "descending" : "ascending");
    }

    // A row's key for a facet (data-facet-status: dataset.facetStatus).
    function facetKey(row, facet) {
      return row.dataset["facet" + facet.charAt(0).toUpperCase() + facet.slice(1)] || "";
    }

    function csvField(text) {
      return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    function downloadShown() {
      var lines = [download.join(",")];
      Array.prototype.forEach.call(body.rows, function (row) {
        if (!row.hidden) {
          lines.push(download.map(function (name) {
            return csvField(row.dataset[name] || "");
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
    // On a phone the keyboard takes half the screen: the field goes to the top, with the count and
    // the first rows under it.
    input.addEventListener("focus", function () {
      if (!wide.matches) {
        var header = document.querySelector(".md-header");
        var below = header ? header.getBoundingClientRect().bottom : 0;
        window.scrollBy(0, box.getBoundingClientRect().top - below - 8);
      }
    });
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
