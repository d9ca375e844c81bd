## ⴰⵙⵎⵉⵍ: ⵜⵉⵡⵓⵔⵉⵡⵉⵏ, ⴰⵙⵎⵓⵜⵜⴳ ⴷ ⵜⵏⴰⴱⴰⴹⵉⵏ ⵏ ⵜⵡⵉⵙⵉ ⵇⵔⵉⴱⵏ ⵖⵓⵔⵙ.
# Standard Moroccan Amazigh (Tifinagh). Wording to be reviewed by a native speaker.

directory-open = ⵜⴰⵡⵓⵔⵉ, ⴰⵙⵎⵓⵜⵜⴳ ⴷ ⵜⵏⴰⴱⴰⴹⵉⵏ ⵇⵔⵉⴱⵏ ⵖⵓⵔⵎ
directory-heading = ⵜⴰⵡⵓⵔⵉ, ⴰⵙⵎⵓⵜⵜⴳ ⴷ ⵜⵏⴰⴱⴰⴹⵉⵏ
directory-close = ⵓⵖⴰⵍ
directory-offline = ⵉⵅⴷⴷⵎ ⴱⵍⴰ ⴰⵏⵜⵔⵏⵉⵜ: ⵜⵉⵍⵖⵓⵜⵉⵏ ⵃⴹⴰⵏⵜ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ. ⴰⵔⵣⵣⵓ ⵓⵔ ⵉⵃⵜⴰⵊ ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ.
directory-never = ⴰⵙⵎⵉⵍ ⵓⵔ ⴰⵔ ⵉⵍⵍⵉ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ. ⴰⴷ ⴷ ⵢⴰⵡⵙ ⴳ ⵓⵎⵢⴰⵡⴰⴹ ⴰⵎⴰⵢⵏⵓ ⴷ ⵜⵏⴰⴱⴰⴹⵜ.
directory-receiving = ⴰⴷ ⴷ ⵢⴰⵡⵙ ⵓⵙⵎⵉⵍ: { $percent }%
directory-receiving-started = ⴰⴷ ⴷ ⵢⴰⵡⵙ ⵓⵙⵎⵉⵍ…
directory-saving = ⴰⴷ ⵏⵃⴹⵓ ⴰⵙⵎⵉⵍ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ…
directory-updated = { $count ->
    [0] ⵉⵜⵜⵓⵙⵎⴰⵢⵏⵓ ⴰⵙⵙ ⴰ.
    [one] ⵉⵜⵜⵓⵙⵎⴰⵢⵏⵓ ⵢⴰⵏ ⵡⴰⵙⵙ ⴰⵢⴰ.
   *[other] ⵉⵜⵜⵓⵙⵎⴰⵢⵏⵓ { $count } ⵡⵓⵙⵙⴰⵏ ⴰⵢⴰ.
}
directory-count = { $count ->
    [0] ⵓⵍⴰ ⵢⴰⵜ ⵜⵍⵖⵓⵜ.
    [one] ⵢⴰⵜ ⵜⵍⵖⵓⵜ.
   *[other] { $count } ⵜⵉⵍⵖⵓⵜⵉⵏ.
}
directory-refresh = ⵔⵣⵓ ⴰⵙⵎⴰⵢⵏⵓ
directory-tab-search = ⴰⵔⵣⵣⵓ
directory-tab-saved = ⵜⵉⵏ ⵉⵜⵜⵓⵃⴹⴰⵏ
directory-search-label = ⵔⵣⵓ (ⵢⴰⵏ ⵡⴰⵡⴰⵍ, ⵢⴰⵜ ⵜⵎⴷⵉⵏⵜ, ⵢⴰⵏ ⵓⵖⴰⵡⴰⵙ)
directory-search-placeholder = ⵎⴷⴷⵓⴷ: ⴰⵙⵎⵓⵜⵜⴳ, ⵜⴰⴳⵏⵙⵜ, Fès
directory-kind-label = ⵙⵙⴽⵏ
directory-kind-all = ⴽⵓⵍⵍⵓ
directory-kind-opportunity = ⵜⴰⵡⵓⵔⵉ ⴷ ⵓⵙⵎⵓⵜⵜⴳ
directory-kind-service = ⵜⵉⵏⴰⴱⴰⴹⵉⵏ ⵏ ⵜⵡⵉⵙⵉ
directory-category-label = ⴰⵏⴰⵡ
directory-category-all = ⴰⵏⴰⵡⵏ ⴰⴽⴽ
directory-category-job = ⵜⵉⵡⵓⵔⵉⵡⵉⵏ
directory-category-training = ⴰⵙⵎⵓⵜⵜⴳ
directory-category-vocational_training = ⴰⵙⵎⵓⵜⵜⴳ ⴰⵙⵏⵓⵍⴼⵓ
directory-category-business_creation = ⴰⵙⵏⵓⵍⴼⵓ ⵏ ⵜⵙⵏⵓⵔⴰⵢⵜ
directory-category-income_generating = ⵉⵙⵏⴼⴰⵔⵏ ⵉⵙⵙⴽⵛⴰⵎⵏ ⵉⴷⵔⵉⵎⵏ
directory-category-financing = ⴰⵙⵎⵡⵍ
directory-category-programme = ⵉⵖⴰⵡⴰⵙⵏ ⵉⵏⴰⵎⵓⵔⵏ
directory-category-emergency = ⵉⵎⴹⴰⵏ ⵏ ⵜⵎⵣⵣⵉⵜ
directory-category-listening_center = ⵉⵙⵏⵜⴰ ⵏ ⵓⵙⴼⵍⴷ
directory-category-care_cell = ⵜⵉⵖⵔⵙⵉⵏ ⵏ ⵓⵙⵏⵓⴱⴳ ⵏ ⵜⵎⵖⴰⵔⵉⵏ (ⴰⵎⵙⴰⵙⴰ ⴰⵎⴰⵜⴰⵢ)
directory-category-police = ⵜⴰⵎⵙⵍⵟⵜ
directory-category-gendarmerie = ⵍⴵⴰⴷⴰⵔⵎⵉⵢⴰ ⵜⴰⴳⵍⴷⵉⵜ
directory-category-health = ⵜⴰⴷⵓⵙⵉ
directory-category-shelter = ⵉⵙⴰⵏⵓⵜⵏ ⵏ ⵓⵙⵙⵉⵡⴹ
directory-category-legal_aid = ⵜⴰⵡⵉⵙⵉ ⵜⴰⵏⵣⵔⴼⴰⵏⵜ
directory-category-association = ⵜⵉⵎⵙⵎⵓⵏⵉⵏ
directory-region-label = ⵜⴰⵎⵏⴰⴹⵜ
directory-region-all = ⵜⵉⵎⵏⴰⴹⵉⵏ ⴰⴽⴽ
directory-loading = ⴰⵔⵣⵣⵓ…
directory-results = { $count ->
    [0] ⵓⵔ ⵏⵓⴼⵉ ⵢⴰⵜ
    [one] ⵏⵓⴼⴰ ⵢⴰⵜ ⵜⵍⵖⵓⵜ
   *[other] ⵏⵓⴼⴰ { $count } ⵜⵉⵍⵖⵓⵜⵉⵏ
}
directory-empty = ⵓⵔ ⵏⵓⴼⵉ ⵢⴰⵜ. ⴰⵔⵎ ⵉⵡⴰⵍⵏ ⵢⴰⴹⵏ, ⵏⵖ ⴽⴽⵙ ⵉⵙⵙⵉⵜⵏ.
directory-empty-never = ⵓⵔ ⴰⵔ ⵍⵍⵉⵏⵜ ⵜⵉⵍⵖⵓⵜⵉⵏ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ. ⵇⵇⵏ ⵖⵔ ⵓⵏⵜⵔⵏⵉⵜ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ ⴰⴷ ⴰⵎ ⴷ ⴰⵡⵙⵏⵜ.
directory-clear = ⴽⴽⵙ ⵉⵙⵙⵉⵜⵏ
directory-error = ⵓⵔ ⵉⵜⵜⵓⵖⵔⴰ ⵓⵙⵎⵉⵍ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ.
directory-not-found = ⵜⴰⵍⵖⵓⵜ ⴰ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵓⵙⵎⵉⵍ.
directory-sample = ⴰⵎⴷⵢⴰ: ⵓⵔ ⵜⴳⵉ ⵜⴰⵍⵖⵓⵜ ⵜⵉⴷⵜ
directory-national = ⵍⵎⵖⵔⵉⴱ ⴰⴽⴽ
directory-deadline = ⴰⵣⵎⵣ ⴰⵏⴳⴳⴰⵔⵓ: { $date }
directory-closed = ⵉⵣⵔⵉ ⵓⵣⵎⵣ ⴰⵏⴳⴳⴰⵔⵓ
directory-back-list = ⵓⵖⴰⵍ ⵖⵔ ⵜⵍⴳⴰⵎⵜ
directory-about = ⵙ ⵓⴳⵣⵣⵓⵎ
directory-eligibility = ⵎⴰⵏⵜ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜⴽⵛⵎ
directory-women-only = ⵉ ⵜⵎⵖⴰⵔⵉⵏ
directory-age-min = ⵙⴳ { $count } ⵏ ⵓⵙⴳⴳⵯⴰⵙ
directory-age-max = ⴰⵔ { $count } ⵏ ⵓⵙⴳⴳⵯⴰⵙ
directory-schooling = ⴰⵙⵍⵎⴷ:
directory-how-to-apply = ⵎⴰⵎⴽ ⴰⵔ ⵜⴽⵛⵎⴷ
directory-cost = ⴰⵙⵇⵇⵉⵎ
directory-free = ⴱⵍⴰ ⴰⵙⵇⵇⵉⵎ
directory-not-free = ⵙ ⵓⵙⵇⵇⵉⵎ
directory-dates = ⵉⵣⵎⵣⴰⵏ
directory-starts = ⴰⴷ ⵉⴱⴷⵓ ⴳ { $date }
directory-hours = ⵜⵉⵙⵔⴰⴳⵉⵏ
directory-languages = ⵜⵓⵜⵍⴰⵢⵉⵏ ⵉⵜⵜⵓⵙⵎⵔⴰⵙⵏ
directory-contact = ⴰⵎⵢⴰⵡⴰⴹ
directory-call = ⵖⵔ
directory-address = ⴰⵏⵙⴰ:
directory-open-map = ⵕⵥⵎ ⴰⵏⵙⴰ ⴳ ⵜⴽⴰⵔⴹⴰ
directory-source = ⴰⵖⴱⴱⴰⵍⵓ:
directory-verified = ⵉⵜⵜⵓⵙⴼⵇⴷ ⴳ { $date }
directory-ask = ⵙⵇⵙⴰ ⵢⴰⵜ ⵜⵙⴼⵍⴷⵜ ⵅⴼ ⵓⵢⴰ
directory-ask-text = ⵔⵉⵖ ⴰⴷ ⵙⵙⵏⵖ ⵓⴳⴳⴰⵔ ⵅⴼ: { $title }
directory-ask-sent = ⴰⵙⵇⵙⵉ ⵏⵏⵎ ⵉⵜⵜⵓⵃⵟⵟⴰ, ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵉ ⵢⴰⵜ ⵜⵙⴼⵍⴷⵜ ⵖⴰⵙ ⵜⵍⵍⴰ ⵜⵓⵇⵇⵏⴰ.
directory-save = ⵃⴹⵓ
directory-unsave = ⴽⴽⵙ ⵙⴳ ⵜⵉⵏ ⵉⵜⵜⵓⵃⴹⴰⵏ
directory-saved-ok = ⵜⵜⵓⵃⴹⴰ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ, ⵜⵜⵓⴼⵔⴰⴳ ⵙ ⵓⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ.
directory-unsaved-ok = ⵜⵜⵓⴽⴽⴰⵙ ⵙⴳ ⵜⵉⵍⵖⵓⵜⵉⵏ ⵏⵏⵎ ⵉⵜⵜⵓⵃⴹⴰⵏ.
directory-save-locked = ⴰⴷ ⵜⵃⴹⵓⴷ ⵜⵉⵍⵖⵓⵜⵉⵏ, ⵙⵜⵉ ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ ⴳ ⵓⵙⵏⵙⵍ ⴰⵎⵣⵡⴰⵔⵓ ⵜⵕⵥⵎⴷ ⵙ ⵉⵙ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ.
directory-saved-none = ⵓⵔ ⵜⵃⴹⵉⴷ ⴰⵔ ⴷⵖⵉ ⵢⴰⵜ ⵜⵍⵖⵓⵜ.
directory-saved-locked = ⵜⵉⵍⵖⵓⵜⵉⵏ ⵏⵏⵎ ⵉⵜⵜⵓⵃⴹⴰⵏ ⴰⴷ ⴷ ⴱⴰⵢⵏⵏⵜ ⵖⴰⵙ ⵜⵕⵥⵎⴷ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⵙ ⵓⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ.
