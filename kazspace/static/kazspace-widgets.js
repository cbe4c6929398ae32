/* The saved widget views of the static book: loaded on pages with widgets only, after require.js and before the
   widget manager (nb_ipywidgets_js in _config.yml). Checked by tests/browser/test_pages.py.

   1. The widget manager's modules look for their fonts where require.js says they live, which is relative to the
      page unless configured: point them at the book's copy (this file is in _static/, the copy in _static/vendor/).
   2. ipywidgets typesets widget text with the MathJax 2 API (MathJax.Hub.Queue), which throws with the book's
      MathJax 3: give it that one call, done the MathJax 3 way.
   3. ipywidgets draws a slider's handle (role="slider") with no name and does not link the slider's description to
      it, so a screen reader announces an unnamed slider (axe: aria-input-field-name). Once the widgets are drawn,
      each handle is named after its slider's description ("Years from" and "Years to" for a range). */
(function () {
  "use strict";
  if (window.requirejs && document.currentScript) {
    var manager = new URL("vendor/html-manager", document.currentScript.src).href;
    window.requirejs.config({ paths: { "@jupyter-widgets/html-manager/dist": manager, "@jupyter-widgets": manager } });
  }

  // After the deferred MathJax script has run, before the widgets are drawn (on "load").
  document.addEventListener("DOMContentLoaded", function () {
    var mathjax = window.MathJax;
    if (!mathjax || mathjax.Hub || !mathjax.startup) { return; }
    mathjax.Hub = {
      Queue: function (job) {  // job: ["Typeset", MathJax.Hub, element]
        mathjax.startup.promise = mathjax.startup.promise.then(function () {
          return mathjax.typesetPromise([job[2]]);
        });
      }
    };
  });

  function nameHandles() {
    document.querySelectorAll(".widget-slider").forEach(function (slider) {
      var handles = slider.querySelectorAll(".noUi-handle");
      var label = slider.querySelector(".widget-label");
      var name = ((label && label.textContent) || slider.title || "Value").trim().replace(/:$/, "");
      handles.forEach(function (handle, i) {
        if (handle.hasAttribute("aria-label") || handle.hasAttribute("aria-labelledby")) { return; }
        handle.setAttribute("aria-label", handles.length === 2 ? name + (i === 0 ? " from" : " to") : name);
      });
    });
  }
  new MutationObserver(function () {
    if (document.querySelector(".noUi-handle:not([aria-label]):not([aria-labelledby])")) { nameHandles(); }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
