## The staff side: sign-in, queue, cases, intake, supervisor views.
# Standard Moroccan Amazigh (Tifinagh). Wording to be reviewed by a native
# speaker; keep ids in step with en.

staff-entry = ⴰⴽⵛⵛⵓⵎ ⵏ ⵜⵔⴰⴱⴱⵓⵜ
staff-heading = ⵜⵉⵎⵙⴼⵍⴷⵉⵏ ⴷ ⵜⵎⵙⵅⴷⴰⵎⵉⵏ ⵏ ⵓⵏⴰⵔⴰ
staff-back-home = ⵓⵖⵓⵍ ⵖⵔ ⵜⵙⵏⵙⵉⵡⵉⵏⵜ
staff-sign-in-heading = ⴽⵛⵎ ⵖⵔ ⵜⵏⴰⴱⴰⴹⵜ ⵏ ⵓⵙⴼⵍⴷ
staff-sign-in-hint = ⵉ ⵜⵎⵙⴼⵍⴷⵉⵏ, ⵜⵉⵎⵙⵅⴷⴰⵎⵉⵏ ⵏ ⵓⵏⴰⵔⴰ ⴷ ⵜⵎⵙⵏⴰⴹⵉⵏ ⵍⵍⵉ ⵖⵓⵔ ⵉⵍⵍⴰ ⵓⵎⵉⴹⴰⵏ. ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵉⵍⵉ ⵜⵙⵏⵙⵉⵡⵉⵏⵜ ⵜⵕⵥⵎ ⵙ ⵓⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ.
staff-username = ⵉⵙⵎ ⵏ ⵓⵙⵎⵔⵙ
staff-password = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ
staff-sign-in = ⴽⵛⵎ
staff-sign-out = ⴼⴼⵖ ⵙⴳ ⵓⵎⵉⴹⴰⵏ
staff-signed-out = ⵜⴼⴼⵖⴷ ⵙⴳ ⵓⵎⵉⴹⴰⵏ.
staff-session-ended = ⵜⴽⵎⵎⵍ ⵜⵉⵣⵉ ⵏⵏⵎ (ⵜⵣⵔⵉ ⵏⵖ ⵜⵜⵓⵔⴳⵍ). ⴰⵍⵙ ⴰⴽⵛⵛⵓⵎ.
staff-role-listener = ⵜⴰⵎⵙⴼⵍⴷⵜ
staff-role-field_worker = ⵜⴰⵎⵙⵅⴷⴰⵎⵜ ⵏ ⵓⵏⴰⵔⴰ
staff-role-supervisor = ⵜⴰⵎⵙⵏⴰⴹⵜ
staff-role-admin = ⵜⴰⵏⵎⵀⴰⵍⵜ
staff-scope-national = ⵜⵉⵎⵏⴰⴹⵉⵏ ⴰⴽⴽ
staff-scope-region = ⵜⴰⵎⵏⴰⴹⵜ:
staff-scope-center = ⴰⵎⵎⴰⵙ:
staff-tab-queue = ⵜⴰⵍⴳⴰⵎⵜ
staff-tab-audit = ⴰⵖⵎⵉⵙ ⵏ ⵓⵙⵙⵉⴷⵏ
staff-tab-stats = ⵜⵉⵙⵉⵡⵉⵏ

staff-error-wrong-credentials = ⵉⵙⵎ ⵏ ⵓⵙⵎⵔⵙ ⵏⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵉⵚⵃⵉⵃ.
staff-error-forbidden = ⴰⵎⵉⴹⴰⵏ ⵏⵏⵎ ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⵉⵙⴽⵔ ⴰⵢⴰ.
staff-error-not-found = ⴰⵙⵏⴰⴷ ⴰ ⵓⵔ ⵉⵍⵍⵉ ⵏⵖ ⵓⵔ ⵉⴷⴷⵉ ⵖⵔ ⵓⵎⵎⴰⵙ ⵏⵖ ⵜⴰⵎⵏⴰⴹⵜ ⵏⵏⵎ.
staff-error-invalid = ⵉⵍⵍⴰ ⴽⵔⴰ ⵉⵅⵚⵚⴰⵏ ⵏⵖ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ. ⵙⵙⵉⴷⵏ ⵜⵉⵙⵉⵔⴰ ⵜⴰⵍⵙⴷ.
staff-error-refused = ⵜⴰⵏⴰⴱⴰⴹⵜ ⵜⴰⴳⵯⵉ: ⴰⵙⵏⴰⴷ ⵉⵜⵜⵓⴱⴷⴷⵍ. ⵕⵥⵎ ⵜ ⵜⵉⴽⴽⵍⵜ ⵏⵏⵉⴹⵏ.
staff-error-wait = ⴰⵟⵟⴰⵚ ⵏ ⵜⵉⵔⵎⵉⵜⵉⵏ. ⵔⴰⵊⵓ ⵛⵡⵉⵢⵜ ⵜⴰⵍⵙⴷ.
staff-error-network = ⵓⵔ ⵏⵣⴹⴰⵕ ⴰⴷ ⵏⴰⵡⵙ ⵖⵔ ⵜⵏⴰⴱⴰⴹⵜ. ⵙⵙⵉⴷⵏ ⵜⵓⵇⵇⵏⴰ ⵜⴰⵍⵙⴷ.
staff-error-locked = ⵕⵥⵎ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⵙ ⵓⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ ⵜⵉⵣⵡⴰⵔ (ⴳ ⵓⵙⵏⵙⵍ ⴰⵎⵣⵡⴰⵔⵓ).
staff-error-other = ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵓⵎⵙⵉⵜ. ⴰⵍⵙ ⵜⴰⵔⵎⵜ.

staff-queue-heading = ⵜⴰⵍⴳⴰⵎⵜ
staff-queue-count = { $count ->
    [0] ⵓⵍⴰ ⵢⴰⵏ ⴳ ⵜⵍⴳⴰⵎⵜ
    [one] ⵢⴰⵏ ⵓⵙⵏⴰⴷ
   *[other] { $count } ⵉⵙⵏⴰⴷⵏ
}
staff-filter-status = ⴰⴷⴷⴰⴷ
staff-filter-open = ⵉⵙⵏⴰⴷⵏ ⵉⵕⵥⵎⵏ
staff-filter-kind = ⴰⵏⴰⵡ
staff-filter-all = ⵉⵏⴰⵡⵏ ⴰⴽⴽ
staff-status-new = ⴰⵎⴰⵢⵏⵓ
staff-status-acknowledged = ⵉⵜⵜⵓⵟⵟⴼ
staff-status-referred = ⵉⵜⵜⵓⵙⵙⵓⴷⵓ
staff-status-closed = ⵉⵜⵜⵓⵔⴳⵍ
staff-kind-alert = ⴰⵙⵍⵖⵓ
staff-kind-report = ⴰⵎⵍⵉⵍ
staff-kind-intake = ⴰⵙⵏⵓⴱⴳ ⴳ ⵓⵎⵎⴰⵙ
staff-kind-support_request = ⴰⵙⵓⵜⵔ ⵏ ⵜⵡⵉⵙⵉ
staff-minutes-ago = { $count ->
    [0] ⵖⵉⵍⴰ
    [one] ⵢⴰⵜ ⵜⵓⵙⴷⵉⴷⵜ ⴰⵢⴰ
   *[other] { $count } ⵜⵓⵙⴷⵉⴷⵉⵏ ⴰⵢⴰ
}
staff-hours-ago = { $count ->
    [one] ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ ⴰⵢⴰ
   *[other] { $count } ⵜⵙⵔⴰⴳⵉⵏ ⴰⵢⴰ
}
staff-days-ago = { $count ->
    [one] ⵢⴰⵏ ⵡⴰⵙⵙ ⴰⵢⴰ
   *[other] { $count } ⵡⵓⵙⵙⴰⵏ ⴰⵢⴰ
}
staff-region-none = ⵜⴰⵎⵏⴰⴹⵜ ⵓⵔ ⵜⵜⵓⵏⵏⴰ
staff-acknowledge = ⵟⵟⴼ
staff-open-case = ⵕⵥⵎ

staff-back-to-queue = ⵓⵖⵓⵍ ⵖⵔ ⵜⵍⴳⴰⵎⵜ
staff-received = ⵢⵓⵡⵙ ⴳ
staff-what-she-sent = ⵎⴰⴷ ⵜⵣⵏⴰ
staff-voice-note = ⵜⴰⴱⵔⴰⵜ ⵏⵏⵙ ⵜⴰⵎⵙⵍⵉⵜ
staff-unreadable = ⵓⵔ ⵉⵜⵜⵓⵖⵔ ⵓⵙⵏⴰⴷ ⴰ.
staff-her-language = ⵉⵜⵜⵓⵢⴰⵔⴰ ⵙ:
staff-violence = ⵉⵏⴰⵡⵏ ⵏ ⵜⵎⵓⵙⵙⵏⵉ
staff-happened = ⵎⴰⵏⴰⴽⵓⴷ
staff-place = ⵎⴰⵏⵉ
staff-in-danger = ⵢⴰⵏ ⵉⵍⵍⴰ ⴳ ⵜⵉⵎⵎⵔⵏⵉ ⵖⵉⵍⴰ
staff-children = ⵉⵎⵥⵥⵢⴰⵏⵏ ⴳ ⵜⵉⵎⵎⵔⵏⵉ
staff-perpetrator = ⵎⴰⵏⵏ ⵉⴳⴰⵏ ⴰⵢⴰ
staff-topic = ⵜⴰⵡⵉⵙⵉ ⵉⵜⵜⵓⵙⵓⵜⵔⵏ
staff-yes = ⵢⴰⵀ
staff-no = ⵓⵀⵓ
staff-not-said = ⵓⵔ ⵜⵏⵏⵉ
staff-consents = ⵉⵎⵙⴰⵙⴰⵜⵏ ⵏⵏⵙ
staff-consent-services = ⴰⴷ ⵜⴰⵎⵥ ⵜⵉⵏⴰⴱⴰⴹⵉⵏ
staff-consent-referral = ⴰⴷ ⵜⵜⵓⵙⵙⵓⴷⵓ
staff-consent-any-service = ⵖⵔ ⴽⵓ ⵜⴰⵏⴰⴱⴰⴹⵜ
staff-consent-contact = ⴰⴷ ⵜⵜⵓⵖⵔ
staff-consent-statistics = ⴰⴷ ⵜⵜⵓⵙⵎⵉⴹⵏ ⴳ ⵜⵙⵉⵡⵉⵏ ⵓⵔ ⵉⵙⵎⵎⴰⵏ
staff-no-contact = ⵓⵔ ⵜⵔⴹⵉ ⴰⴷ ⵜⵜⵓⵖⵔ: ⵓⵔ ⴰⵙ ⵜⵖⵔⴷ.
staff-call-back = ⵖⵔ ⴰⵙ ⵜⵉⴽⴽⵍⵜ ⵏⵏⵉⴹⵏ
staff-call = ⵖⵔ
staff-no-phone = ⵓⵔ ⵜⴼⴽⵉ ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ.
staff-safe-times = ⵉⴽⵓⴷⴰⵏ ⵉⵖⵓⴷⴰⵏ ⵉ ⵓⵖⵔⴰ:

staff-refer = ⵙⵙⵓⴷⵓ
staff-refer-to = ⵙⵙⵓⴷⵓ ⵖⵔ
staff-refer-listing = ⵜⴰⵙⵏⵓⴱⴳⴰ (ⵙⴳ ⵓⵎⴰⵍⴰⵢ)
staff-refer-listing-none = ⴱⵍⴰ ⵜⴰⵙⵏⵓⴱⴳⴰ ⵉⵜⵜⵓⵙⵜⴰⵢⵏ
staff-refer-message = ⵜⵓⵣⵉⵏⵜ ⵜⴰⵎⵥⵥⵢⴰⵏⵜ ⵉ ⵓⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⵙ (ⵎⴽ ⵜⵔⵉⴷ)
staff-choose = ⵙⵜⵉ
staff-destination-prosecutor = ⵜⴰⵖⵔⵙⵜ ⵏ ⵓⵙⵎⵓⵜⵜⴳ ⵏ ⵜⵎⵖⴰⵔⵉⵏ ⴳ ⵓⵎⵙⴰⵙⴰ ⴰⵎⴰⵜⴰⵢ
staff-destination-police = ⵜⴰⵎⵙⵍⵟⵜ
staff-destination-gendarmerie = ⵍⴵⴰⴷⴰⵔⵎⵉⵢⴰ ⵜⴰⴳⵍⴷⵉⵜ
staff-destination-health = ⵜⴰⵙⴳⵔⵜ ⵏ ⵜⴷⵓⵙⵉ
staff-destination-shelter = ⴰⵙⴰⵏⵓ ⵏ ⵓⵙⵙⵉⵡⴹ
staff-destination-legal_aid = ⵜⴰⵡⵉⵙⵉ ⵜⴰⵏⵣⵔⴼⴰⵏⵜ
staff-destination-association = ⵜⴰⵎⵙⵎⵓⵏⵜ
staff-destination-training_employment = ⵜⴰⵙⴳⵔⵜ ⵏ ⵓⵙⵎⵓⵜⵜⴳ ⵏⵖ ⵜⵡⵓⵔⵉ
staff-refer-no-consent = ⵓⵔ ⵜⵔⴹⵉ ⴰⴷ ⵜⵜⵓⵙⵙⵓⴷⵓ ⵖⵔ ⵖⵉⴷ. ⵖⴰⵙ ⵜⴰⵎⵙⵏⴰⴹⵜ ⴰⵢ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜⵣⴳⵔ ⴰⵢⴰ, ⵙ ⵜⵎⵏⵜⵉⵍⵜ.
staff-refer-no-consent-supervisor = ⵓⵔ ⵜⵔⴹⵉ ⴰⴷ ⵜⵜⵓⵙⵙⵓⴷⵓ ⵖⵔ ⵖⵉⴷ. ⵎⴽ ⵜⵔⵉⴷ ⴰⴷ ⵜⵙⵙⵓⴷⵓⴷ ⵅⵙ ⵎⴰⵛⴰ, ⴰⵔⵓ ⵜⴰⵎⵏⵜⵉⵍⵜ; ⴰⴷ ⵜⵜⵓⵢⴰⵔⴰ ⴳ ⵓⵖⵎⵉⵙ ⵏ ⵓⵙⵙⵉⴷⵏ.
staff-override-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⵣⴳⴰⵔ ⵏ ⵓⵙⵜⴰⵢ ⵏⵏⵙ
staff-refer-submit = ⵙⵙⵓⴷⵓ
staff-referrals = ⵉⵙⵙⵓⴷⵓⵜⵏ
staff-referral-in_progress = ⵉⵜⵜⴷⴷⵓ
staff-referral-accepted = ⵉⵜⵜⵓⵇⴱⴰⵍ
staff-referral-rejected = ⵉⵜⵜⵓⴳⴷⵉ
staff-referral-revoked = ⵉⵜⵜⵓⵙⵔ
staff-referral-done = ⵉⴽⵎⵎⵍ
staff-referral-accept = ⵉⵜⵜⵓⵇⴱⴰⵍ
staff-referral-mark-done = ⵉⴽⵎⵎⵍ
staff-referral-reject = ⵉⵜⵜⵓⴳⴷⵉ
staff-referral-revoke = ⵙⵔ
staff-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ (ⵎⴽ ⵓⵔ ⵉⵏⵊⵃ)
staff-reason-refused_services = ⵜⴰⴳⵯⵉ ⵜⵉⵏⴰⴱⴰⴹⵉⵏ
staff-reason-no_capacity = ⵓⵔ ⵉⵍⵍⵉ ⵓⴷⵖⴰⵔ
staff-reason-no_longer_needed = ⵓⵔ ⵜⵍⵍⵉ ⵜⵓⵙⵔⴰ
staff-reason-unable_to_contact_her = ⵓⵔ ⵏⵣⴹⴰⵕ ⴰⴷ ⴰⵙ ⵏⵖⵔ
staff-reason-unable_to_contact_service = ⵓⵔ ⵏⵣⴹⴰⵕ ⴰⴷ ⵏⴰⵡⵙ ⵖⵔ ⵜⵏⴰⴱⴰⴹⵜ
staff-reason-other = ⵢⴰⵜ ⵜⵎⵏⵜⵉⵍⵜ ⵏⵏⵉⴹⵏ
staff-overridden = ⴱⵍⴰ ⴰⵎⵙⴰⵙⴰ ⵏⵏⵙ (ⵙ ⵜⵖⵜⴰⵙⵜ ⵏ ⵜⵎⵙⵏⴰⴹⵜ)

staff-note = ⵜⴰⵏⵣⵔⵓⵢⵜ ⵉ ⵜⵔⴰⴱⴱⵓⵜ
staff-note-add = ⵔⵏⵓ ⵜⴰⵏⵣⵔⵓⵢⵜ
staff-message = ⵜⵓⵣⵉⵏⵜ ⵖⵔ ⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⵙ
staff-message-hint = ⵓⵔ ⵜⵜ ⵜⵥⵕⵕⴰ ⵖⴰⵙ ⵎⴽ ⵜⵕⵥⵎ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⵙ ⵓⵎⴰⵜⴰⵔ ⵏⵏⵙ. ⵓⵔ ⵜⴰⵔⵓⴷ ⴰⵎⵢⴰ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜ ⵢⴰⵡⵉ ⵖⵔ ⵜⵉⵎⵎⵔⵏⵉ ⵎⴽ ⵜ ⵉⵖⵔⴰ ⵢⴰⵏ ⵏⵏⵉⴹⵏ.
staff-message-send = ⴰⵣⵏ ⵜⵓⵣⵉⵏⵜ
staff-close-case = ⵔⴳⵍ ⴰⵙⵏⴰⴷ
staff-history = ⴰⵎⵣⵔⵓⵢ
staff-event-received = ⵢⵓⵡⵙ ⵖⵔ ⵜⵏⴰⴱⴰⴹⵜ
staff-event-acknowledge = ⵉⵜⵜⵓⵟⵟⴼ
staff-event-assign = ⵉⵜⵜⵓⴼⴽⴰ ⵉ ⵓⵎⵎⴰⵙ
staff-event-refer = ⵉⵜⵜⵓⵙⵙⵓⴷⵓ
staff-event-referral_update = ⴰⵙⵙⵓⴷⵓ ⵉⵜⵜⵓⵙⵎⵉⵣⴳⵏ
staff-event-note = ⵜⴰⵏⵣⵔⵓⵢⵜ
staff-event-message = ⵜⵓⵣⵉⵏⵜ ⵜⵜⵓⵣⵏ ⴰⵙ
staff-event-close = ⵉⵜⵜⵓⵔⴳⵍ
staff-done-acknowledged = ⵉⵜⵜⵓⵟⵟⴼ. ⴰⴷ ⵉⴱⴰⵢⵏ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⵙ.
staff-done-referred = ⵉⵜⵜⵓⵙⵙⵓⴷⵓ.
staff-done-referral = ⴰⵙⵙⵓⴷⵓ ⵉⵜⵜⵓⵙⵎⵉⵣⴳⵏ.
staff-done-note = ⵜⴰⵏⵣⵔⵓⵢⵜ ⵜⵜⵓⵔⵏⴰ.
staff-done-message = ⵜⵓⵣⵉⵏⵜ ⵜⵜⵓⵣⵏ.
staff-done-closed = ⴰⵙⵏⴰⴷ ⵉⵜⵜⵓⵔⴳⵍ.

staff-audit-heading = ⴰⵖⵎⵉⵙ ⵏ ⵓⵙⵙⵉⴷⵏ
staff-audit-hint = ⵎⴰⵏⵏ ⵉⵕⵥⵎⵏ ⵏⵖ ⵉⵙⴽⵔⵏ ⴽⵔⴰ ⴳ ⵎⴰⵏ ⴰⵙⵏⴰⴷ, ⴰⵎⴰⵢⵏⵓ ⴷ ⴰⵎⵣⵡⴰⵔⵓ.
staff-audit-when = ⵎⴰⵏⴰⴽⵓⴷ
staff-audit-who = ⵎⴰⵏⵏ
staff-audit-what = ⵎⴰⴷ
staff-audit-case = ⴰⵙⵏⴰⴷ
staff-audit-action-case_read = ⵜⵕⵥⵎ ⴰⵙⵏⴰⴷ
staff-audit-action-acknowledge = ⵜⵟⵟⴼ
staff-audit-action-assign = ⵜⴼⴽⴰ ⵉ ⵓⵎⵎⴰⵙ
staff-audit-action-refer = ⵜⵙⵙⵓⴷⵓ
staff-audit-action-consent_override = ⵜⵣⴳⵔ ⴰⵎⵙⴰⵙⴰ ⵏⵏⵙ
staff-audit-action-referral_update = ⵜⵙⵎⵉⵣⴳⵏ ⴰⵙⵙⵓⴷⵓ
staff-audit-action-note = ⵜⵔⵏⴰ ⵜⴰⵏⵣⵔⵓⵢⵜ
staff-audit-action-message = ⵜⵣⵏⴰ ⵜⵓⵣⵉⵏⵜ
staff-audit-action-close = ⵜⵔⴳⵍ
staff-audit-action-device_link = ⵜⵇⵇⵏ ⴰⵙⵏⴼⴰⵔ ⵖⵔ ⵓⵎⵎⴰⵙ
staff-audit-action-stats_read = ⵜⵖⵔⴰ ⵜⵉⵙⵉⵡⵉⵏ

staff-stats-heading = ⵜⵉⵙⵉⵡⵉⵏ
staff-stats-hint = ⵖⴰⵙ ⵉⵙⵏⴰⴷⵏ ⵍⵍⵉ ⵔⴹⵉⵏⵜ ⵎⵉⵔⵉⵏ ⵏⵏⵙⵏ ⴰⴷ ⵜⵜⵓⵙⵎⵉⴹⵏⵏⵜ. ⵉⵎⴹⴰⵏ ⴷⵔⵓⵙⵏ ⵅⴼ 5 ⵜⵜⵓⴼⴼⵔⵏ ⵜⵜⴱⴰⵢⴰⵏⵏ «<5».
staff-stats-by-month = ⵉⵙⵏⴰⴷⵏ ⵙ ⵡⴰⵢⵢⵓⵔ
staff-stats-by-region = ⵉⵙⵏⴰⴷⵏ ⵙ ⵜⵎⵏⴰⴹⵜ
staff-stats-map-note = ⵜⴰⴽⴰⵕⴹⴰ ⵜⴰⵎⵣⵍⴰⵢⵜ: ⴽⵓ ⴰⵎⴽⵓⵥ ⵢⴰⵜ ⵜⵎⵏⴰⴹⵜ, ⴰⴳⴰⴼⴰ ⴷⴰⵜ; ⵎⴰⴷ ⵉⴷⵍⵏ ⴰⵎⴰⵏ ⴽⵓⴷ ⴳⴰⵏ ⵉⵙⵏⴰⴷⵏ ⵓⴳⴳⴰⵔ.
staff-stats-month = ⴰⵢⵢⵓⵔ
staff-stats-region = ⵜⴰⵎⵏⴰⴹⵜ
staff-stats-type = ⴰⵏⴰⵡ
staff-stats-count = ⵓⵟⵟⵓⵏ
staff-stats-all-cells = ⵜⵉⵙⵉⵔⴰ ⴰⴽⴽ (ⵜⴰⵎⵏⴰⴹⵜ, ⴰⵢⵢⵓⵔ, ⴰⵏⴰⵡ)
staff-incident-rape = ⴰⵙⵙⵏⵖⵙ
staff-incident-sexual_assault = ⴰⵣⵣⵓⴳⵣ ⴰⵏⵣⴳⴰⵏ
staff-incident-physical_assault = ⴰⵣⵣⵓⴳⵣ ⴰⴼⵉⵣⵉⴽⴰⵏ
staff-incident-forced_marriage = ⴰⵎⵓⵔⵙ ⵙ ⵜⵎⵙⴰⵍⵜ
staff-incident-denial_of_resources = ⴰⵃⵔⵓⵎ ⵙⴳ ⵉⵙⵓⴳⴰⵎ
staff-incident-psychological_abuse = ⵜⴰⵎⵓⵙⵙⵏⵉ ⵜⴰⵏⴼⵙⴰⵏⵜ
staff-incident-digital_violence = ⵜⴰⵎⵓⵙⵙⵏⵉ ⵜⴰⵏⵓⵎⴰⵏⵜ
staff-incident-not_gbv = ⵓⵔ ⵜⴳⵉ ⵜⴰⵎⵓⵙⵙⵏⵉ ⵅⴼ ⵜⵎⵖⴰⵔⵜ
staff-incident-unspecified = ⵓⵔ ⵉⵜⵜⵓⵙⵏⵎⴰⵍ

staff-tab-intake = ⴰⵙⵏⵓⴱⴳ ⴳ ⵓⵎⵎⴰⵙ
staff-intake-heading = ⴰⵙⵏⵓⴱⴳ ⴳ ⵓⵎⵎⴰⵙ
staff-intake-hint = ⵉ ⵜⵎⵜⵟⵟⵓⵜ ⵉⵍⵍⵉ ⴷ ⵢⵓⵛⴽⴰⵏ ⵖⵔ ⵓⵎⵎⴰⵙ. ⴰⵔⵓ ⵜ ⴷ ⵉⴷⵙ, ⵙ ⵉⵎⵙⴰⵙⴰⵜⵏ ⵍⵍⵉ ⴷ ⵜⴼⴽⴰ. ⴰⴷ ⵉⵜⵜⵓⵃⴹⵓ ⵖⵉⵍⴰ, ⵉⵜⵜⵓⵙⵏⵜⵍ, ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵖⵔ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵎⵎⴰⵙ ⵏⵏⵎ ⵖⴰⵙ ⵜⵍⵍⴰ ⵜⵓⵇⵇⵏⴰ.
staff-intake-kind = ⴰⵏⴰⵡ
staff-intake-text = ⵎⴰⴷ ⵜⵏⵏⴰ, ⵙ ⵡⴰⵡⴰⵍ ⵏⵏⵙ
staff-intake-submit = ⵃⴹⵓ ⴰⵙⵏⵓⴱⴳ
staff-intake-saved = ⵉⵜⵜⵓⵃⴹⵓ, ⵉⵜⵜⵓⵙⵏⵜⵍ. ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵖⵔ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵎⵎⴰⵙ ⵖⴰⵙ ⵜⵍⵍⴰ ⵜⵓⵇⵇⵏⴰ.
