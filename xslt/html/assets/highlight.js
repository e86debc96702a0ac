/* Show the highlight switches and let each turn its entity type on and off.
   Without scripts the switches stay hidden and every type stays highlighted. */
(function () {
  var article = document.getElementById("article");
  var form = document.querySelector(".hl-controls");
  if (!article || !form) { return; }
  form.hidden = false;
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.dataset && box.dataset.type) {
      article.classList.toggle("hl-" + box.dataset.type, box.checked);
    }
  });
}());
