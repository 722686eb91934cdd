/*
 * Run CKEditor 4 under a Content Security Policy without 'unsafe-inline' scripts.
 *
 * CKEditor 4 (end of life) builds its toolbar, menus and dialogs with inline event handler
 * attributes such as onclick="CKEDITOR.tools.callFunction(42,this);return false;", and writes
 * small inline <script>s and body onload="..." into the iframes it creates (the editing area,
 * drop-down panels). The admin's CSP (script-src 'self' + nonce) blocks all of that, which
 * leaves the editor with a dead toolbar.
 *
 * Rather than loosening the policy, this file (loaded from 'self' right after ckeditor.js)
 * lifts those handlers out of CKEditor's HTML *before* the browser parses it (a browser reports
 * a CSP violation as soon as an element with an inline handler is created, whether or not the
 * handler ever runs) and attaches them as addEventListener listeners instead:
 *
 * - CKEDITOR.dom.element#setHtml (which every CKEditor template goes through, including
 *   createFromHtml and appendHtml) and CKEDITOR.dom.document#write (its iframes) are wrapped;
 * - the small inline <script>s CKEditor writes into its iframes are removed and their known
 *   effect (a "loaded" callback) is run by hand; iframe src="javascript:..." becomes about:blank;
 * - clicks on CKEditor's javascript: links (kept for keyboard focus) never navigate;
 * - a MutationObserver converts any inline handler that still reaches the DOM another way.
 *
 * Handlers are not evaluated as code: each is parsed against the few forms CKEditor generates
 * (callFunction with numeric/string/this/event arguments, "return false", the left-button
 * guard). Anything else is dropped with a console warning, so an unexpected form is visible.
 */
/* global CKEDITOR */
(function () {
  "use strict";

  if (typeof CKEDITOR === "undefined" || CKEDITOR.magsiteCspShim) {
    return;
  }
  CKEDITOR.magsiteCspShim = true;

  var HANDLER_ATTRIBUTES = [
    "onclick", "ondblclick", "onmousedown", "onmouseup", "onmouseover", "onmouseout", "onmousemove",
    "onkeydown", "onkeyup", "onkeypress", "onfocus", "onblur", "ondragstart", "oncontextmenu",
    "onselectstart", "onload", "onchange", "oninput", "onpaste"
  ];
  var SELECTOR = HANDLER_ATTRIBUTES.map(function (name) { return "[" + name + "]"; }).join(",");
  var CK_REF = "(?:\\(\\s*window\\.CKEDITOR\\s*\\|\\|\\s*window\\.parent\\.CKEDITOR\\s*\\)|" +
               "(?:window\\.)?(?:parent\\.)?CKEDITOR)";
  var CALL_RE = new RegExp("^" + CK_REF + "\\.tools\\.callFunction\\(([\\s\\S]*)\\)$");
  var LEFT_BUTTON_RE = /^CKEDITOR\.tools\.getMouseButton\(\s*event\s*\)\s*===\s*CKEDITOR\.MOUSE_BUTTON_LEFT\s*&&\s*([\s\S]+)$/;

  function warn(message, code) {
    if (window.console) {
      window.console.warn("[csp-shim] " + message + ": " + code);
    }
  }

  /* Split on `separator` outside quotes and brackets. */
  function splitTopLevel(text, separator) {
    var parts = [], depth = 0, quote = null, start = 0, i, ch;
    for (i = 0; i < text.length; i++) {
      ch = text.charAt(i);
      if (quote) {
        if (ch === "\\") { i++; } else if (ch === quote) { quote = null; }
      } else if (ch === "'" || ch === "\"") {
        quote = ch;
      } else if (ch === "(" || ch === "[") {
        depth++;
      } else if (ch === ")" || ch === "]") {
        depth--;
      } else if (ch === separator && depth === 0) {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(text.slice(start));
    return parts.map(function (part) { return part.trim(); }).filter(function (part) { return part !== ""; });
  }

  /* One argument of callFunction as a function of (element, event). */
  function compileArgument(source) {
    var match;
    if (/^-?\d+(\.\d+)?$/.test(source)) {
      var number = Number(source);
      return function () { return number; };
    }
    if (source === "this") { return function (element) { return element; }; }
    if (source === "event") { return function (element, event) { return event; }; }
    if (source === "null") { return function () { return null; }; }
    if (source === "undefined") { return function () { return undefined; }; }
    if (source === "true" || source === "false") {
      var flag = source === "true";
      return function () { return flag; };
    }
    if ((match = /^'((?:[^'\\]|\\.)*)'$/.exec(source) || /^"((?:[^"\\]|\\.)*)"$/.exec(source))) {
      var text = match[1].replace(/\\(.)/g, "$1");
      return function () { return text; };
    }
    return null;
  }

  /* One statement as a function of (element, event) returning {returned, value}. */
  function compileStatement(statement) {
    var isReturn = false, match, guard = null;
    if ((match = /^return\s+([\s\S]+)$/.exec(statement))) {
      isReturn = true;
      statement = match[1].trim();
    }
    if ((match = LEFT_BUTTON_RE.exec(statement))) {
      guard = function (element, event) { return CKEDITOR.tools.getMouseButton(event) === CKEDITOR.MOUSE_BUTTON_LEFT; };
      statement = match[1].trim();
    }
    if (statement === "false" || statement === "true") {
      var value = statement === "true";
      return function () { return { returned: isReturn, value: value }; };
    }
    if (/^this\.style\.cssText\s*=\s*this\.style\.cssText$/.test(statement)) {
      return function () { return { returned: false }; };  // a Gecko repaint hack: nothing to do
    }
    if ((match = CALL_RE.exec(statement))) {
      var args = splitTopLevel(match[1], ",").map(compileArgument);
      if (args.indexOf(null) !== -1) {
        return null;
      }
      return function (element, event) {
        if (guard && !guard(element, event)) {
          return { returned: isReturn, value: false };
        }
        var values = args.map(function (arg) { return arg(element, event); });
        var result = CKEDITOR.tools.callFunction.apply(CKEDITOR.tools, values);
        return { returned: isReturn, value: result };
      };
    }
    return null;
  }

  /* An inline handler's source as a listener, or null when it is not a form CKEditor makes. */
  function compileHandler(code) {
    var statements = splitTopLevel(code, ";").map(compileStatement);
    if (!statements.length || statements.indexOf(null) !== -1) {
      return null;
    }
    return function (event) {
      var element = this, i, outcome;
      for (i = 0; i < statements.length; i++) {
        outcome = statements[i](element, event);
        if (outcome.returned) {
          if (outcome.value === false) {
            event.preventDefault();
          }
          return outcome.value;
        }
      }
      return undefined;
    };
  }

  function convertElement(element) {
    var i, name, code, listener;
    for (i = 0; i < HANDLER_ATTRIBUTES.length; i++) {
      name = HANDLER_ATTRIBUTES[i];
      if (!element.hasAttribute(name)) {
        continue;
      }
      code = element.getAttribute(name);
      element.removeAttribute(name);
      listener = compileHandler(code);
      if (listener) {
        element.addEventListener(name.slice(2), listener);
      } else {
        warn("dropped an inline " + name + " handler it does not recognise", code);
      }
    }
  }

  function convertTree(root) {
    if (root.nodeType === 1) {
      convertElement(root);
    }
    if (root.querySelectorAll) {
      Array.prototype.forEach.call(root.querySelectorAll(SELECTOR), convertElement);
    }
  }

  /* javascript: links are only for keyboard focus; never let the browser navigate to one. */
  function guardJavascriptLinks(doc) {
    doc.addEventListener("click", function (event) {
      var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
      if (link && /^\s*javascript:/i.test(link.getAttribute("href"))) {
        event.preventDefault();
      }
    }, true);
  }

  function watch(doc) {
    if (!doc || doc.magsiteCspShimWatched) {
      return;
    }
    doc.magsiteCspShimWatched = true;
    convertTree(doc);
    guardJavascriptLinks(doc);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        if (mutation.type === "attributes") {
          convertElement(mutation.target);
        } else {
          Array.prototype.forEach.call(mutation.addedNodes, function (node) {
            if (node.nodeType === 1) {
              convertTree(node);
            }
          });
        }
      });
    }).observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: HANDLER_ATTRIBUTES });
  }

  /*
   * The inline scripts CKEditor writes into its iframes, run by hand:
   * - the editing area's "frame loaded" callback, called on DOMContentLoaded;
   * - the upload form's loaded/unload callbacks (dialog file fields).
   */
  function runIframeScript(code, doc, win) {
    var loaded = /callFunction\((\d+)\s*,\s*window\)/.exec(code);
    if (/function onload\(\)/.test(code) && loaded) {
      var done = false;
      doc.addEventListener("DOMContentLoaded", function () {
        if (!done) {
          done = true;
          CKEDITOR.tools.callFunction(Number(loaded[1]), win);
        }
      });
      return;
    }
    var handled = false;
    code.replace(/window\.onbeforeunload\s*=\s*function\s*\(\)\s*\{[^}]*callFunction\((\d+)\)[^}]*\}/, function (all, id) {
      win.addEventListener("beforeunload", function () { CKEDITOR.tools.callFunction(Number(id)); });
      handled = true;
      return "";
    }).replace(/^\s*window\.parent\.CKEDITOR\.tools\.callFunction\((\d+)\);/, function (all, id) {
      window.setTimeout(function () { CKEDITOR.tools.callFunction(Number(id)); }, 0);
      handled = true;
      return "";
    });
    if (!handled) {
      warn("dropped an inline script it does not recognise", code);
    }
  }


  /*
   * Lifting handlers out of HTML strings before the browser parses them. CKEditor's templates
   * always quote attribute values; values may contain ">" inside quotes, which TAG_RE allows.
   */
  // Whitespace between attributes is optional after a quoted value (CKEditor's button template
  // writes aria-disabled="false"aria-pressed="false"), and browsers accept it: so must we.
  var TAG_RE = /<([a-zA-Z][\w:-]*)((?:\s*[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)(\s*\/?)>/g;
  var ATTR_RE = /(\s*)([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
  var HAS_HANDLER_RE = /\son[a-z]+\s*=|src\s*=\s*["']?\s*javascript:/i;
  var liftedCount = 0;

  function attributeValue(raw) {
    if (raw === undefined) {
      return "";
    }
    if (/^["']/.test(raw)) {
      raw = raw.slice(1, -1);
    }
    return raw.replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function liftHandlers(html) {
    var handlers = {}, count = 0;
    if (typeof html !== "string" || !HAS_HANDLER_RE.test(html)) {
      return { html: html, handlers: handlers, count: 0 };
    }
    var out = html.replace(TAG_RE, function (tag, name, attributes, end) {
      var found = [];
      var isFrame = name.toLowerCase() === "iframe";
      var cleaned = attributes.replace(ATTR_RE, function (all, space, attribute, raw) {
        var lower = attribute.toLowerCase();
        if (/^on[a-z]+$/.test(lower)) {
          found.push([lower, attributeValue(raw)]);
          return "";
        }
        if (isFrame && lower === "src" && /^\s*javascript:/i.test(attributeValue(raw))) {
          return " src=\"about:blank\"";
        }
        return all;
      });
      if (!found.length) {
        return cleaned === attributes ? tag : "<" + name + cleaned + end + ">";
      }
      var id = "h" + (++liftedCount);
      handlers[id] = found;
      count++;
      return "<" + name + cleaned + " data-csp-shim=\"" + id + "\"" + end + ">";
    });
    return { html: out, handlers: handlers, count: count };
  }

  var WINDOW_EVENTS = { load: 1, beforeunload: 1, unload: 1 };

  function attachLifted(root, lifted) {
    if (!lifted.count) {
      return;
    }
    Array.prototype.forEach.call(root.querySelectorAll("[data-csp-shim]"), function (element) {
      var found = lifted.handlers[element.getAttribute("data-csp-shim")];
      if (!found) {
        return;
      }
      element.removeAttribute("data-csp-shim");
      found.forEach(function (pair) {
        var type = pair[0].slice(2), listener = compileHandler(pair[1]);
        if (!listener) {
          warn("dropped an inline " + pair[0] + " handler it does not recognise", pair[1]);
          return;
        }
        if (element.tagName === "BODY" && WINDOW_EVENTS[type]) {
          var win = element.ownerDocument.defaultView;
          win.addEventListener(type, function (event) { listener.call(element, event); });
        } else {
          element.addEventListener(type, listener);
        }
      });
    });
  }

  var elementPrototype = CKEDITOR.dom.element.prototype;
  var originalSetHtml = elementPrototype.setHtml;
  elementPrototype.setHtml = function (html) {
    var lifted = liftHandlers(html);
    originalSetHtml.call(this, lifted.html);
    attachLifted(this.$, lifted);
    return html;
  };

  var documentPrototype = CKEDITOR.dom.document.prototype;
  documentPrototype.write = function (html) {
    var scripts = [], doc = this.$, lifted;
    html = html.replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, function (all, code) {
      scripts.push(code);
      return "";
    });
    lifted = liftHandlers(html);
    doc.open("text/html", "replace");
    doc.write(lifted.html);
    doc.magsiteCspShimWatched = false;  // open() cleared the document's listeners
    watch(doc);
    attachLifted(doc, lifted);
    scripts.forEach(function (code) { runIframeScript(code, doc, doc.defaultView); });
    doc.close();
  };

  watch(document);
})();
