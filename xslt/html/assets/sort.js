/* Toggle the article list between newest and oldest first (it is served newest first). */
(function () {
  var button = document.getElementById("sort-date");
  var body = document.querySelector("table.articles tbody");
  if (!button || !body) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var newest = button.getAttribute("data-order") !== "newest";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.getAttribute("data-date") || "", y = b.getAttribute("data-date") || "";
      if (x === y) { return 0; }
      if (!x) { return 1; }
      if (!y) { return -1; }
      return (x < y ? -1 : 1) * (newest ? -1 : 1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    button.setAttribute("data-order", newest ? "newest" : "oldest");
    button.textContent = button.getAttribute(newest ? "data-label-oldest" : "data-label-newest");
  });
}());
