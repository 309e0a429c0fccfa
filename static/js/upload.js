/* Upload progress for /library/upload/: a progressive enhancement.
 *
 * Without JavaScript the form posts as usual. With it, the files go with XMLHttpRequest so
 * the <progress> element can show how much has been sent; the server then answers with the
 * address of the next page as JSON ({"location": ...}) and the browser goes there.
 * The texts come from data- attributes in the (translated) page.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-upload-form]");
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.JSON) {
    return;
  }
  var box = form.querySelector("[data-upload-progress]");
  var bar = box && box.querySelector("progress");
  var status = box && box.querySelector("[data-upload-status]");
  var button = form.querySelector("button[type=submit]");
  if (!box || !bar || !status) {
    return;
  }

  function say(text) {
    status.textContent = text;
  }

  function failed(detail) {
    bar.value = 0;
    // A refusal from the server (e.g. 413, the request is too large) says why in `detail`.
    say(typeof detail === "string" && detail ? detail : status.getAttribute("data-text-failed"));
    if (button) {
      button.disabled = false;
    }
  }

  form.addEventListener("submit", function (event) {
    if (typeof form.checkValidity === "function" && !form.checkValidity()) {
      return; // let the browser say what is missing
    }
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.setRequestHeader("Accept", "application/json");
    box.hidden = false;
    bar.value = 0;
    if (button) {
      button.disabled = true;
    }
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable && e.total > 0) {
        var percent = Math.round((e.loaded / e.total) * 100);
        bar.value = percent;
        say(status.getAttribute("data-text-sending") + " " + percent + "%");
      }
    });
    xhr.upload.addEventListener("load", function () {
      bar.removeAttribute("value"); // indeterminate while the server checks the files
      say(status.getAttribute("data-text-checking"));
    });
    xhr.addEventListener("load", function () {
      var answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (ignore) {
        answer = null;
      }
      if (xhr.status === 200 && answer && typeof answer.location === "string" &&
          answer.location.charAt(0) === "/" && answer.location.charAt(1) !== "/") {
        window.location.assign(answer.location);
      } else {
        failed(answer && answer.detail);
      }
    });
    xhr.addEventListener("error", function () { failed(); });
    xhr.addEventListener("abort", function () { failed(); });
    xhr.send(new FormData(form));
  });
}());
