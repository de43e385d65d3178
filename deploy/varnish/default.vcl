# The HTTP cache in front of the app servers (docs/deploy.md, "Past one machine").
#
# Caches anonymous GETs for as long as the app's Cache-Control s-maxage says (cms.http_caching);
# passes the admin, previews, click counting and anyone carrying a session cookie; drops every
# other cookie (analytics and the like) from anonymous requests so that one copy serves all;
# takes PURGE and BAN only from the app servers (the acl below); round-robins the app servers,
# each probed on /healthz/.
#
# Where the app servers are is in backends.vcl beside it (deploy/stack.py writes one per run;
# a deployment writes its own): backends with `.probe = healthz;` and a vcl_init that adds them
# to the round-robin director `app_servers`.
vcl 4.1;

import directors;

# The probe asks for the database only: when the shared cache is down every app server is alike
# and still serves pages, and taking them all out would turn a slower site into no site.
probe healthz {
    .request =
        "GET /healthz/?only=database HTTP/1.1"
        "Host: 127.0.0.1"
        "User-Agent: varnish-health-probe"
        "Connection: close";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

include "backends.vcl";

# Who may purge: the app servers (wagtail.contrib.frontend_cache, FRONTEND_CACHE_URL).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app_servers.backend();

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            # The address with any query string: a library page's searches and pages go too.
            ban("obj.http.X-Url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        } else {
            # BAN /research/ drops everything under /research/.
            ban("obj.http.X-Url ~ ^" + req.url);
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|go|healthz)/" || req.url ~ "preview" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);  # maybe signed in: the app decides, and marks it private
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What a ban matches on (bans on obj.* are checked by the background lurker too).
    set beresp.http.X-Url = bereq.url;
    if (beresp.status >= 500 || !beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Beyond s-maxage, a stale copy may stand in while the app servers are all down.
    set beresp.grace = 1h;
    # Varnish's built-in logic follows: s-maxage, then max-age; private, no-store and Set-Cookie
    # are never cached.
}

sub vcl_deliver {
    unset resp.http.X-Url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
