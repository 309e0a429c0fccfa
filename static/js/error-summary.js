// A form that comes back with errors: move focus to its error summary, so that keyboard and
// screen-reader users hear what to correct first (the summary links to each field).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) {
    if (!summary.hasAttribute("tabindex")) {
      summary.setAttribute("tabindex", "-1");
    }
    summary.focus();
  }
});
