/// The full HTML report's one inline script, with the hash its Content-Security-Policy names
/// (`script-src 'sha256-…'`) so that exactly this script, and nothing else, may run on the page.
///
/// The script only adds to a page that is complete without it:
/// - it builds the filter controls (status, severity, framework, owner) from the `data-status`,
///   `data-severity`, `data-framework` and `data-owner` attributes the page's rows and sections
///   carry, and hides what does not match (with scripts off there are no controls and nothing is
///   hidden);
/// - it opens every `<details>` before printing and closes the ones it opened afterwards.
///
/// It reads attribute values as text only (`textContent`, `value`), never as markup, and uses
/// neither `eval` nor inline event handlers. The template places ``text`` as the whole content of
/// the page's one `<script>` element, byte for byte.
struct HTMLReportScript: Sendable {
    /// The script text.
    var text: String
    /// `sha256-` and the base64 SHA-256 of ``text``, as CSP writes a hash source.
    var hashSource: String

    init() {
        text = Self.source
        hashSource = "sha256-" + HTMLStylesheet.base64(HTMLStylesheet.sha256(Self.source))
    }

    /// The script. Filters: an element is hidden when a filter is set, the element carries that
    /// filter's attribute, and none of the attribute's values (space-separated for
    /// `data-framework`) is the one chosen.
    static let source = """
        (function () {
          "use strict";
          var filters = [
            { key: "status", label: "Status", split: false },
            { key: "severity", label: "Severity", split: false },
            { key: "framework", label: "Framework", split: true },
            { key: "owner", label: "Owner", split: false }
          ];
          var nav = document.querySelector("nav.toc");
          var selector = filters.map(function (f) { return "[data-" + f.key + "]"; }).join(",");
          var rows = Array.prototype.slice.call(document.querySelectorAll(selector));
          var frameworkNames = {};
          Array.prototype.forEach.call(document.querySelectorAll("section[data-framework]"), function (el) {
            var heading = el.querySelector("h3");
            if (heading) { frameworkNames[el.getAttribute("data-framework")] = heading.textContent.trim(); }
          });
          function valuesOf(el, filter) {
            var value = el.getAttribute("data-" + filter.key);
            if (value === null) { return null; }
            return filter.split ? value.split(" ").filter(Boolean) : [value];
          }
          function labelOf(filter, value) {
            if (filter.key === "framework" && frameworkNames[value]) { return frameworkNames[value]; }
            if (filter.key === "owner") { return value; }
            var words = value.replace(/-/g, " ");
            return words.charAt(0).toUpperCase() + words.slice(1);
          }
          var form = document.createElement("form");
          form.className = "filters";
          form.setAttribute("role", "search");
          form.setAttribute("aria-label", "Filter the report");
          var heading = document.createElement("p");
          heading.className = "filters-title";
          heading.textContent = "Filter";
          form.appendChild(heading);
          var selects = [];
          filters.forEach(function (filter) {
            var seen = {};
            var values = [];
            rows.forEach(function (el) {
              (valuesOf(el, filter) || []).forEach(function (v) {
                if (!seen.hasOwnProperty(v)) { seen[v] = true; values.push(v); }
              });
            });
            if (values.length === 0) { return; }
            values.sort(function (a, b) { return labelOf(filter, a).localeCompare(labelOf(filter, b)); });
            var label = document.createElement("label");
            var name = document.createElement("span");
            name.textContent = filter.label;
            var select = document.createElement("select");
            select.setAttribute("data-filter", filter.key);
            var all = document.createElement("option");
            all.value = "";
            all.textContent = "All";
            select.appendChild(all);
            values.forEach(function (v) {
              var option = document.createElement("option");
              option.value = v;
              option.textContent = labelOf(filter, v);
              select.appendChild(option);
            });
            label.appendChild(name);
            label.appendChild(select);
            form.appendChild(label);
            selects.push({ filter: filter, select: select });
          });
          var reset = document.createElement("button");
          reset.type = "reset";
          reset.textContent = "Show all";
          form.appendChild(reset);
          var count = document.createElement("p");
          count.className = "filters-count";
          count.setAttribute("aria-live", "polite");
          form.appendChild(count);
          function apply() {
            var active = selects.filter(function (s) { return s.select.value !== ""; });
            var shown = 0;
            rows.forEach(function (el) {
              var hide = active.some(function (s) {
                var values = valuesOf(el, s.filter);
                return values !== null && values.indexOf(s.select.value) === -1;
              });
              el.hidden = hide;
              if (!hide) { shown += 1; }
            });
            if (active.length > 0) {
              Array.prototype.forEach.call(document.querySelectorAll("main details"), function (d) { d.open = true; });
              count.textContent = shown + " of " + rows.length + " rows and sections shown";
            } else {
              count.textContent = "";
            }
          }
          form.addEventListener("change", apply);
          form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          if (nav && selects.length > 0) { nav.insertBefore(form, nav.firstChild); }
          var openedForPrint = [];
          window.addEventListener("beforeprint", function () {
            Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
              d.open = true;
              openedForPrint.push(d);
            });
          });
          window.addEventListener("afterprint", function () {
            openedForPrint.forEach(function (d) { d.open = false; });
            openedForPrint = [];
          });
        })();

        """
}
