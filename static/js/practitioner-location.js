/* The directory's "Use my location" button: an enhancement of the ZIP code search.
 * Without script (or without permission) the ZIP form works as it is. The position goes only
 * into the search's own address (lat/lng), rounded to about a kilometre, and is never stored. */
(function () {
    "use strict";
    var form = document.querySelector("[data-directory-search]");
    if (!form || !("geolocation" in navigator)) {
        return;
    }
    var slot = form.querySelector("[data-location-slot]");
    var zip = form.elements.namedItem("zip");
    var lat = form.elements.namedItem("lat");
    var lng = form.elements.namedItem("lng");
    var button = document.createElement("button");
    var status = document.createElement("p");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = "Use my location";
    status.className = "meta";
    status.setAttribute("role", "status");
    slot.appendChild(button);
    slot.parentNode.insertBefore(status, slot.nextSibling);

    function round(value) {
        return Math.round(value * 100) / 100;
    }

    button.addEventListener("click", function () {
        button.disabled = true;
        status.textContent = "Finding your location…";
        navigator.geolocation.getCurrentPosition(
            function (position) {
                lat.value = round(position.coords.latitude);
                lng.value = round(position.coords.longitude);
                zip.value = "";
                status.textContent = "Searching near your location…";
                form.submit();
            },
            function () {
                button.disabled = false;
                status.textContent = "We couldn't get your location. Enter your ZIP code instead.";
                zip.focus();
            },
            { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
        );
    });

    // A typed ZIP code replaces an earlier location search.
    zip.addEventListener("input", function () {
        lat.value = "";
        lng.value = "";
    });
})();
