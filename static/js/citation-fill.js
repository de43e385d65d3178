// The "Fill in" button on a research article's Citation fields: looks the DOI or PubMed ID
// up through the admin's citation-lookup view and fills the form for the writer to check.
// Nothing is saved here; without JavaScript the writer types the citation by hand.
(function () {
    "use strict";

    var script = document.currentScript;
    var lookupUrl = script && script.dataset.lookupUrl;

    function field(name) {
        return document.getElementById("id_" + name);
    }

    function setValue(input, value) {
        if (!input || value === undefined || value === null) {
            return;
        }
        input.value = String(value);
        // Wagtail notices edits (unsaved-changes warning, autosave, slug sync) by these events.
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function liveAuthorForms() {
        var container = document.getElementById("id_authors-FORMS");
        if (!container) {
            return [];
        }
        return Array.prototype.filter.call(
            container.querySelectorAll("[data-inline-panel-child]"),
            function (child) {
                var deleted = child.querySelector("input[name$='-DELETE']");
                return !deleted || deleted.value !== "1";
            }
        );
    }

    function fillAuthors(names) {
        var addButton = document.getElementById("id_authors-ADD");
        var forms = liveAuthorForms();
        while (forms.length < names.length && addButton) {
            addButton.click();
            forms = liveAuthorForms();
        }
        forms.forEach(function (form, index) {
            if (index < names.length) {
                setValue(form.querySelector("input[name$='-name']"), names[index]);
            } else {
                var remove = form.querySelector("button[id$='-DELETE-button']");
                if (remove) {
                    remove.click();
                }
            }
        });
    }

    function showResult(status, data) {
        var warn = !data.fields || (data.duplicates && data.duplicates.length);
        status.className = "help-block " + (warn ? "help-warning" : "help-info");
        status.replaceChildren();
        var message = document.createElement("p");
        message.textContent = data.message;
        status.appendChild(message);
        (data.duplicates || []).forEach(function (duplicate) {
            var warning = document.createElement("p");
            warning.append("Another article already cites this study: ");
            var link = document.createElement("a");
            link.href = duplicate.edit_url;
            link.textContent = duplicate.title;
            warning.append(link);
            warning.append(". Check that you are not writing it twice.");
            status.appendChild(warning);
        });
    }

    function currentPageId() {
        var match = window.location.pathname.match(/\/pages\/(\d+)\/edit\//);
        return match ? match[1] : "";
    }

    function lookUp(button, status) {
        var doi = field("doi");
        var pubmedId = field("pubmed_id");
        var identifier = (doi.value || "").trim() || (pubmedId.value || "").trim();
        if (!identifier) {
            showResult(status, { message: "Paste the study's DOI or PubMed ID first." });
            return;
        }
        var params = new URLSearchParams({ identifier: identifier, page: currentPageId() });
        button.disabled = true;
        status.className = "help-block help-info";
        status.textContent = "Looking it up…";
        fetch(lookupUrl + "?" + params.toString(), {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        })
            .then(function (response) {
                return response.json().catch(function () {
                    return { message: "The lookup failed. Type the citation in by hand." };
                });
            })
            .then(function (data) {
                Object.keys(data.fields || {}).forEach(function (name) {
                    setValue(field(name), data.fields[name]);
                });
                if (data.authors && data.authors.length) {
                    fillAuthors(data.authors);
                }
                showResult(status, data);
            })
            .catch(function () {
                showResult(status, {
                    message: "The lookup could not be reached. Type the citation in by hand.",
                });
            })
            .finally(function () {
                button.disabled = false;
            });
    }

    function init() {
        var pubmedId = field("pubmed_id");
        if (!lookupUrl || !field("doi") || !pubmedId) {
            return;
        }
        var anchor = pubmedId.closest("[data-field-wrapper]") || pubmedId.parentNode;
        var wrapper = document.createElement("div");
        wrapper.className = "citation-fill w-mb-4";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary";
        button.textContent = "Fill in from DOI or PubMed ID";
        var status = document.createElement("div");
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        wrapper.append(button, status);
        anchor.after(wrapper);
        button.addEventListener("click", function () {
            lookUp(button, status);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
