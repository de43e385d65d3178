"""The practitioner directory's demo data: sample listings' names and places, the word lists,
and the calls to action that lead to the directory. practitioners/demo.py loads it.

Every listing is fictional and says so: invented names, 555-01xx phone numbers (reserved for
fiction), example.org addresses. They cluster around San Francisco, New York and Chicago so that
radius searches have something to sort, with the rest spread over other states. A few are left
unverified, one is an unpublished draft and one is overdue for re-verification, so that the
rules about what visitors see can be seen at work.
"""

DIRECTORY_PAGE = {
    "title": "Find a practitioner",
    "slug": "practitioners",
    "intro": "<p>Browse our directory of verified licensed practitioners near you. "
    "Every listing's license has been checked with the state board that issued it.</p>",
}

LANGUAGES = [
    "English",
    "Spanish",
    "Mandarin",
    "Cantonese",
    "Korean",
    "Vietnamese",
    "French",
    "Russian",
]
MODALITIES = [
    "Acupuncture",
    "Electroacupuncture",
    "Cupping",
    "Moxibustion",
    "Herbal medicine",
    "Gua sha",
    "Auricular acupuncture",
]

# (ZIP, city, state, area code): three clusters of several ZIPs, then one-offs across the US.
PLACES = [
    ("94110", "San Francisco", "CA", "415"),
    ("94103", "San Francisco", "CA", "415"),
    ("94117", "San Francisco", "CA", "415"),
    ("94611", "Oakland", "CA", "510"),
    ("94704", "Berkeley", "CA", "510"),
    ("94941", "Mill Valley", "CA", "415"),
    ("94401", "San Mateo", "CA", "650"),
    ("94301", "Palo Alto", "CA", "650"),
    ("10001", "New York", "NY", "212"),
    ("10011", "New York", "NY", "212"),
    ("10025", "New York", "NY", "212"),
    ("11215", "Brooklyn", "NY", "718"),
    ("11101", "Long Island City", "NY", "718"),
    ("07030", "Hoboken", "NJ", "201"),
    ("10601", "White Plains", "NY", "914"),
    ("07302", "Jersey City", "NJ", "201"),
    ("60614", "Chicago", "IL", "773"),
    ("60622", "Chicago", "IL", "773"),
    ("60601", "Chicago", "IL", "312"),
    ("60201", "Evanston", "IL", "847"),
    ("60302", "Oak Park", "IL", "708"),
    ("60540", "Naperville", "IL", "630"),
    ("78704", "Austin", "TX", "512"),
    ("98103", "Seattle", "WA", "206"),
    ("97214", "Portland", "OR", "503"),
    ("80218", "Denver", "CO", "303"),
    ("02139", "Cambridge", "MA", "617"),
    ("33137", "Miami", "FL", "305"),
    ("85004", "Phoenix", "AZ", "602"),
    ("30307", "Atlanta", "GA", "404"),
    ("55408", "Minneapolis", "MN", "612"),
    ("87501", "Santa Fe", "NM", "505"),
    ("96814", "Honolulu", "HI", "808"),
    ("27701", "Durham", "NC", "919"),
    ("19103", "Philadelphia", "PA", "215"),
    ("20009", "Washington", "DC", "202"),
    ("84102", "Salt Lake City", "UT", "801"),
    ("53703", "Madison", "WI", "608"),
    ("05401", "Burlington", "VT", "802"),
    ("89501", "Reno", "NV", "775"),
    ("37206", "Nashville", "TN", "615"),
    ("48104", "Ann Arbor", "MI", "734"),
]
CLUSTERED = 22  # the first PLACES are the three clusters; each is used three times over

FIRST_NAMES = [
    "Avery",
    "Jordan",
    "Mei",
    "Rosa",
    "Daniel",
    "Priya",
    "Hana",
    "Elena",
    "Marcus",
    "Ji-woo",
    "Tomas",
    "Linh",
    "Grace",
    "Samuel",
    "Nadia",
    "Owen",
    "Ines",
    "Kenji",
    "Lucia",
    "Theo",
    "Amara",
    "Felix",
]
LAST_NAMES = [
    "Whitfield",
    "Okafor",
    "Lindqvist",
    "Marchetti",
    "Abernathy",
    "Castellanos",
    "Nakamura",
    "Delacroix",
    "Rasmussen",
    "Ferreira",
    "Halvorsen",
    "Pemberton",
    "Quintero",
    "Sorensen",
    "Tanabe",
    "Vasquez-Lind",
    "Wexley",
    "Yardley",
    "Zelinski",
    "Brightwater",
    "Ashcombe",
    "Fairweather",
]
CREDENTIALS = ["L.Ac.", "L.Ac., DACM", "L.Ac., MSOM", "L.Ac., Dipl. Ac. (NCCAOM)", "DAOM, L.Ac."]
STREETS = [
    "Willow Lane",
    "Harbor Street",
    "Cedar Avenue",
    "Juniper Court",
    "Meadow Road",
    "Lantern Way",
    "Birch Street",
    "Orchard Avenue",
]

# Listings (by their place in listing_specs) that show the rules at work.
DRAFT_INDEX = 5
UNVERIFIED_INDEXES = {7, 19, 33, 50}
STALE_INDEX = 2

# Calls to action at the end of articles, leading to the directory (filtered to the
# article's condition); "conditions" are condition slugs, none meaning every condition.
DEMO_CALLS_TO_ACTION = [
    {
        "name": "Find a practitioner – every condition",
        "icon": "🌿",
        "heading": "Ready to try acupuncture for {condition}?",
        "text": "Browse our directory of verified licensed practitioners near you.",
        "button_label": "Find a practitioner →",
        "conditions": [],
    },
    {
        "name": "Find a practitioner – anxiety",
        "icon": "🌿",
        "heading": "Looking for calm? Meet practitioners who treat {condition}",
        "text": "Every practitioner in our directory is licensed and verified. "
        "Many offer telehealth.",
        "button_label": "See practitioners for anxiety →",
        "conditions": ["anxiety"],
        "priority": 10,
    },
]
