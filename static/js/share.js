// Share block and "Cite this": progressive enhancement only. Without this file every share link
// still works, "Copy link" is an ordinary link to the article, and the citation can be selected.
(function () {
    "use strict";

    function announce(status, message) {
        if (status) {
            status.textContent = message;
        }
    }

    function copy(text, status, done) {
        if (!navigator.clipboard) {
            return false;
        }
        navigator.clipboard.writeText(text).then(
            function () { announce(status, done); },
            function () { announce(status, "Could not copy. Select the text and copy it instead."); }
        );
        return true;
    }

    document.querySelectorAll("[data-share]").forEach(function (block) {
        var url = block.getAttribute("data-share-url");
        var title = block.getAttribute("data-share-title");
        var status = block.querySelector("[data-share-status]");
        var native = block.querySelector("[data-share-native]");
        if (native && navigator.share) {
            native.hidden = false;
            native.addEventListener("click", function () {
                navigator.share({ title: title, url: url }).catch(function () {});
            });
        }
        var copyLink = block.querySelector("[data-copy-link]");
        if (copyLink) {
            copyLink.addEventListener("click", function (event) {
                if (copy(url, status, "Link copied.")) {
                    event.preventDefault();
                }
            });
        }
    });

    var citation = document.querySelector("[data-citation]");
    var copyCitation = document.querySelector("[data-copy-citation]");
    if (citation && copyCitation && navigator.clipboard) {
        copyCitation.hidden = false;
        copyCitation.addEventListener("click", function () {
            copy(citation.textContent.trim(), document.querySelector("[data-citation-status]"),
                "Citation copied.");
        });
    }
})();
