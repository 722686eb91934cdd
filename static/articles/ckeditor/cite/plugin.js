/*
 * MagSite "Cite" button for CKEditor 4.
 *
 * Opens a dialog that searches the reference library (the staff-only admin view whose address
 * is `config.citeSourcesUrl`) and inserts a citation marker such as [[cite:pmid:32956536]] at
 * the cursor. Markers are plain text, so they survive every CKEditor round trip; the server
 * resolves them on save and refuses a marker that names no known source.
 *
 * Loaded as an external plugin by articles/widgets.py. No inline script: the admin's CSP
 * allows scripts from 'self' only.
 */
/* global CKEDITOR */
(function () {
  "use strict";

  var SEARCH_DELAY_MS = 250;

  /* A typed identifier as a marker key ("pmid:123", "doi:10.1/x", "12"), or null. */
  function keyFromText(text) {
    var value = (text || "").trim();
    var match;
    if ((match = /^pmid\s*:?\s*(\d{1,9})$/i.exec(value))) {
      return "pmid:" + match[1];
    }
    value = value.replace(/^(?:doi\s*:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, "");
    if (/^10\.\d{4,9}\/\S+$/.test(value)) {
      return "doi:" + value;
    }
    if ((match = /^(?:id\s*:\s*)?(\d{1,9})$/i.exec(value))) {
      return match[1];
    }
    return null;
  }

  function identifier(source) {
    if (source.pmid) {
      return "PMID " + source.pmid;
    }
    return source.doi ? "DOI " + source.doi : "source " + source.id;
  }

  function optionLabel(source) {
    var label = source.retracted ? "\u26a0 RETRACTED \u00b7 " : "";
    label += source.title.length > 90 ? source.title.slice(0, 88) + "\u2026" : source.title;
    if (source.year) {
      label += " (" + source.year + ")";
    }
    return label + " \u00b7 " + identifier(source);
  }

  CKEDITOR.plugins.add("cite", {
    requires: "dialog",

    init: function (editor) {
      // The link dialog, trimmed to what the sanitizer keeps: no target, class, style or id
      // fields ("advanced", "target"), no file upload ("upload").
      CKEDITOR.on("dialogDefinition", function (event) {
        if (event.editor !== editor || event.data.name !== "link") {
          return;
        }
        ["advanced", "target", "upload"].forEach(function (id) {
          if (event.data.definition.getContents(id)) {
            event.data.definition.removeContents(id);
          }
        });
      });

      editor.addCommand("cite", new CKEDITOR.dialogCommand("citeDialog"));
      if (editor.ui.addButton) {
        editor.ui.addButton("Cite", {
          label: "Cite",
          title: "Cite a source at this claim",
          command: "cite",
          toolbar: "links,50"
        });
      }

      CKEDITOR.dialog.add("citeDialog", function (editor) {
        var timer = null;
        var requestNumber = 0;
        var sourcesByKey = {};

        function describeSelection(dialog) {
          var source = sourcesByKey[dialog.getValueOf("main", "source")];
          if (source) {
            setStatus(dialog, "OK inserts " + source.marker + " \u2014 " + source.title +
              (source.retracted ? " (RETRACTED: cite with care)" : ""));
          }
        }

        function setStatus(dialog, message) {
          dialog.getContentElement("main", "status").getElement().setText(message || "");
        }

        function search(dialog, query) {
          var url = editor.config.citeSourcesUrl;
          var select = dialog.getContentElement("main", "source");
          var mine = ++requestNumber;
          if (!url) {
            setStatus(dialog, "Source search is not available: type a PMID, DOI or source number.");
            return;
          }
          setStatus(dialog, "Searching\u2026");
          window.fetch(url + "?q=" + encodeURIComponent(query), {
            credentials: "same-origin",
            headers: { Accept: "application/json" }
          }).then(function (response) {
            if (!response.ok) {
              throw new Error("HTTP " + response.status);
            }
            return response.json();
          }).then(function (data) {
            if (mine !== requestNumber) {
              return; // a newer search is on its way
            }
            select.clear();
            sourcesByKey = {};
            data.results.forEach(function (source) {
              sourcesByKey[source.key] = source;
              select.add(optionLabel(source), source.key);
            });
            if (data.results.length) {
              select.setValue(data.results[0].key);
              describeSelection(dialog);
            } else if (keyFromText(query)) {
              setStatus(dialog, "No source in the library has this identifier. OK inserts it anyway, " +
                "but the article cannot be saved until the source is added to the library.");
            } else {
              setStatus(dialog, query ? "No source matches \u201c" + query + "\u201d." : "The library is empty.");
            }
          }).catch(function (error) {
            if (mine === requestNumber) {
              setStatus(dialog, "Search failed (" + error.message + "). Type a PMID, DOI or source number instead.");
            }
          });
        }

        return {
          title: "Cite a source",
          minWidth: 640,
          minHeight: 240,
          contents: [{
            id: "main",
            label: "Source",
            elements: [
              {
                type: "text",
                id: "query",
                label: "Search the library by title or author, or type a PMID, DOI or source number",
                onKeyUp: function () {
                  var dialog = this.getDialog();
                  var value = this.getValue();
                  window.clearTimeout(timer);
                  timer = window.setTimeout(function () { search(dialog, value); }, SEARCH_DELAY_MS);
                }
              },
              {
                type: "select",
                id: "source",
                label: "Matching sources",
                size: 8,
                items: [],
                className: "cite-source-select",
                onChange: function () {
                  describeSelection(this.getDialog());
                },
                onLoad: function () {
                  var dialog = this.getDialog();
                  this.getInputElement().on("dblclick", function () {
                    dialog.getButton("ok").click();
                  });
                }
              },
              {
                type: "html",
                id: "status",
                html: "<p class=\"cite-status\" role=\"status\" aria-live=\"polite\"></p>"
              }
            ]
          }],

          onShow: function () {
            var dialog = this;
            dialog.getContentElement("main", "query").setValue("");
            dialog.getContentElement("main", "source").clear();
            search(dialog, "");
            dialog.getContentElement("main", "query").focus();
          },

          onOk: function () {
            var key = this.getValueOf("main", "source") || keyFromText(this.getValueOf("main", "query"));
            if (!key) {
              window.alert("Pick a source from the list, or type a PMID (e.g. 32956536), a DOI " +
                "(e.g. 10.3390/nu15092094) or a MagSite source number.");
              return false;
            }
            editor.insertText("[[cite:" + key + "]]");
            return true;
          }
        };
      });
    }
  });
})();
