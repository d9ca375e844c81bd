# Standard Moroccan Amazigh (Tifinagh). Wording to be reviewed by a native
# speaker; keep ids in step with en.
app-name = ⴽⵓⵍⵏⴰ ⵎⴰⵄⴰⴽ
app-tagline = ⵏⴽⴽⵏⵉ ⴰⴽⴽ ⴰⴽⵉⴷⵎ
app-version = ⵜⴰⵙⵓⵔⵉⵜ { $version }
language-label = ⵜⵓⵜⵍⴰⵢⵜ
status-heading = ⴰⵙⵏⴼⴰⵔ ⴰ
status-loading = ⴰⵙⴼⵇⴷ…
status-storage-ready = ⴰⵃⵟⵟⵓ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ ⵉⵡⵊⴷ ⵢⴰⴷ, ⵉⵜⵜⵓⵃⵟⵟⴰ
status-storage-version = ⵜⴰⵙⵓⵔⵉⵜ ⵏ ⵓⵃⵟⵟⵓ { $version }
home-waiting = { $count ->
    [0] ⵓⵍⴰ ⵢⴰⵜ ⵓⵔ ⵜⵜⵔⴰⵊⵓ ⴰⴷ ⵜⵜⵓⵣⵏ
    [one] ⵢⴰⵜ ⵜⵖⴰⵡⵙⴰ ⵜⵜⵔⴰⵊⵓ ⴰⴷ ⵜⵜⵓⵣⵏ
   *[other] { $count } ⵜⵖⴰⵡⵙⵉⵡⵉⵏ ⵜⵜⵔⴰⵊⵓⵏⵜ ⴰⴷ ⵜⵜⵓⵣⵏⵏⵜ
}
service-reachable = ⵜⴰⵏⴰⴱⴰⴹⵜ ⵏ ⵓⵙⴼⵍⴷ ⵜⵍⵍⴰ
service-unreachable = ⵓⵔ ⵏⵣⴹⴰⵕ ⴰⴷ ⵏⴰⵡⵙ ⵖⵔ ⵜⵏⴰⴱⴰⴹⵜ ⵏ ⵓⵙⴼⵍⴷ ⵖⵉⵍⴰ. ⴽⵓⵍⵍⵓ ⵉⵜⵜⵓⵃⵟⵟⴰ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ.
service-unknown = ⵓⵔ ⵏⵎⵢⴰⵡⴰⴹ ⵙ ⵜⵏⴰⴱⴰⴹⵜ ⵏ ⵓⵙⴼⵍⴷ
service-not-configured = ⵓⵍⴰ ⵢⴰⵜ ⵜⵏⴰⴱⴰⴹⵜ ⵏ ⵓⵙⴼⵍⴷ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ
error-storage = ⵓⵔ ⵉⵜⵜⵓⵕⵥⵎ ⵓⵃⵟⵟⵓ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ. ⵓⵍⴰ ⵢⴰⵜ ⵓⵔ ⵜⵜⵓⴽⴽⴰⵙ.
error-generic = ⵜⴻⵍⵍⴰ ⵢⴰⵜ ⵜⵓⵎⵙⵉⵜ. ⴰⵍⵙ ⵜⴰⵔⵎⵜ.
panic-button = ⵜⴰⵡⵉⵙⵉ
panic-button-label = ⵜⴰⴼⵍⵡⵉⵜ ⵏ ⵓⵙⵍⵖⵓ: ⵙⵙⵓⵔⵙ ⵅⴼ ⵙ ⵙⵏⴰⵜ ⵜⵙⵉⵏⵜⵉⵎⵉⵏ ⴰⴷ ⵜⴰⵣⵏⴷ ⴰⵙⵍⵖⵓ
panic-hold-hint = ⵙⵙⵓⵔⵙ ⵙⵏⴰⵜ ⵜⵙⵉⵏⵜⵉⵎⵉⵏ
panic-countdown = { $count ->
    [one] ⴰⵙⵍⵖⵓ ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⴷⴼⴼⵉⵔ ⵢⴰⵜ ⵜⵙⵉⵏⵜⵉⵎⵜ
   *[other] ⴰⵙⵍⵖⵓ ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⴷⴼⴼⵉⵔ { $count } ⵜⵙⵉⵏⵜⵉⵎⵉⵏ
}
panic-cancel = ⵙⵔ
panic-sending = ⴰⵃⵟⵟⵓ ⵏ ⵓⵙⵍⵖⵓ…
panic-saved = ⵉⵜⵜⵓⵃⵟⵟⴰ ⵓⵙⵍⵖⵓ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ. ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵖⴰⵙ ⵜⵍⵍⴰ ⵜⵓⵇⵇⵏⴰ.
panic-failed = ⵓⵔ ⵉⵜⵜⵓⵃⵟⵟⴰ ⵓⵙⵍⵖⵓ. ⵖⵔ ⵙ 19 (ⵜⴰⵎⵙⵍⵟⵜ) ⵏⵖ 8350.
pin-setup-heading = ⴰⴼⵔⴰⴳ ⵏ ⵜⵙⵏⵙⵉⵡⵉⵏⵜ ⴰ ⵙ ⵓⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ
pin-setup-hint = ⴱⵍⴰ ⴰⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ, ⵓⵍⴰ ⵢⴰⵏ ⵓⵔ ⵉⵣⵎⵔ ⴰⴷ ⵢⵖⵔ ⵎⴰⵢⵏⵏⴰ ⵜⵔⵉⵎ ⴷⴰ. ⵜⴰⴼⵍⵡⵉⵜ ⵏ ⵜⵡⵉⵙⵉ ⵜⵅⴷⴷⵎ ⵡⵍⴰ ⵜⵜⵓⵔⴳⵍ ⵜⵙⵏⵙⵉⵡⵉⵏⵜ.
pin-label = ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ
pin-again-label = ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ ⵏⵏⵉⴹⵏ ⵜⵉⴽⴽⵍⵜ
pin-save = ⵃⴹⵓ ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ
pin-too-short = ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ ⵖⵓⵔⵙ 4 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵎⴰⵏ ⴷⵔⵓⵙ
pin-mismatch = ⵙⵉⵏ ⵉⵎⴰⵜⴰⵔⵏ ⵓⵔ ⵎⵙⴰⵙⴰⵏ
unlock-heading = ⵙⵙⴽⵛⵎ ⴰⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ
unlock-button = ⵕⵥⵎ
wrong-pin = ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ ⵓⵔ ⵉⵚⵃⵉⵃ
pin-wait = { $count ->
    [one] ⴰⵟⵟⴰⵚ ⵏ ⵜⵉⵔⵎⵉⵜⵉⵏ. ⵔⴰⵊⵓ ⵢⴰⵜ ⵜⵙⵉⵏⵜⵉⵎⵜ.
   *[other] ⴰⵟⵟⴰⵚ ⵏ ⵜⵉⵔⵎⵉⵜⵉⵏ. ⵔⴰⵊⵓ { $count } ⵜⵙⵉⵏⵜⵉⵎⵉⵏ.
}
lock-heading = ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⵜⵕⵥⵎ
lock-button = ⵔⴳⵍ ⵖⵉⵍⴰ
quick-exit = ⴼⴼⵖ
quick-exit-label = ⴰⴼⴼⵓⵖ ⵉⵎⵣⵣⵉ: ⵙⵏⵓⴼⵍ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⵖⵉⵍⴰ (ⵜⴰⵙⵏⴰⵍⵜ Escape)
disguise-toggle = ⵕⵥⵎ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⴰⵎ ⵜⵎⵙⵙⵉⴹⵏⵜ
disguise-hint = ⴰⴷ ⵜⵓⵖⵓⵍⴷ ⵙⴳ ⵜⵎⵙⵙⵉⴹⵏⵜ, ⴰⵔⵓ ⴰⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ, ⵙ ⴷⴰⵜ =
# Region names in Tifinagh are not verified: Arabic names stand in, as CONTEXT.md asks.
report-open = ⵎⵍ ⵜⴰⵎⵓⵙⵙⵏⵉ
report-heading = ⵉⵏⵉ ⵎⴰⴷ ⵉⵊⵔⴰⵏ
report-saved = ⵉⵜⵜⵓⵃⵟⵟⴰ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ, ⵉⵜⵜⵓⵙⵏⵜⵍ
report-violence = ⵎⴰⵏⵜⵔ ⴰⵏⴰⵡ ⵏ ⵜⵎⵓⵙⵙⵏⵉ? ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵜⵉⴷ ⴰⴽⵓⵜⵜⵓⵢ.
violence-physical = ⵜⴰⴼⵉⵣⵉⴽⵜ
violence-sexual = ⵜⴰⵏⵣⴳⵉⵜ
violence-psychological = ⵜⴰⵏⴼⵙⴰⵏⵜ (ⴰⵙⵎⵓⴳⴳⵓⵔ, ⵉⵔⴳⴰⵍⵏ, ⴰⵙⵎⵔⵎⵙ)
violence-economic = ⵜⴰⴷⴰⵎⵙⴰⵏⵜ (ⵉⴷⵔⵉⵎⵏ, ⵜⴰⵡⵓⵔⵉ ⵏⵖ ⵉⵙⵎⵉⵍⵏ)
violence-digital = ⵜⴰⵏⵓⵎⴰⵏⵜ (ⵜⵉⵡⵍⴰⴼⵉⵏ, ⵜⵓⵣⵉⵏⵉⵏ, ⴰⴹⴼⴰⵕ ⴳ ⵓⵏⵜⵔⵏⵉⵜ)
report-when = ⵎⴰⵏⴰⴽⵓⴷ ⵉⵊⵔⴰ?
report-region = ⵜⴰⵎⵏⴰⴹⵜ
report-region-none = ⵙⵜⵉ ⵜⴰⵎⵏⴰⴹⵜ
report-place = ⵜⴰⵎⴷⵉⵏⵜ ⵏⵖ ⴰⴷⵖⴰⵔ (ⴰⵍⵎⵓⵜ)
report-danger = ⵢⴰⵏ ⵉⵍⵍⴰ ⴳ ⵜⵉⵎⵎⵔⵏⵉ ⵖⵉⵍⴰ
report-children = ⵉⵍⵍⴰ ⵓⵙⵖⵉⵍ ⵅⴼ ⵉⵎⵥⵥⵢⴰⵏⵏ
report-relation = ⵎⴰⵏⵏ ⴰⴽ ⵉⴳⴰⵏ ⴰⵢⴰ?
relation-none = ⵙⵜⵉ
relation-partner = ⴰⵔⴳⴰⵣ ⵏⵏⵎ
relation-former_partner = ⴰⵔⴳⴰⵣ ⵏⵏⵎ ⴰⵣⵡⴰⵔⵓ
relation-family = ⵢⴰⵏ ⵙⴳ ⵜⵡⴰⵛⵓⵏⵜ
relation-acquaintance = ⵢⴰⵏ ⵙⵙⵏⵖ
relation-work = ⴰⵎⵙⵅⴷⴰⵎ ⵏⵖ ⴰⵎⴷⴰⴽⴽⵯⵍ ⴳ ⵜⵡⵓⵔⵉ
relation-stranger = ⵢⴰⵏ ⵓⵔ ⵙⵙⵏⵖ
relation-not_said = ⵓⵔ ⵔⵉⵖ ⴰⴷ ⵜ ⵉⵏⵉⵖ
report-text = ⵎⴰⴷ ⵉⵊⵔⴰⵏ, ⵙ ⵡⴰⵡⴰⵍ ⵏⵏⵎ
voice-heading = ⵏⵖ ⵉⵏⵉ ⵜ ⵙ ⵜⴱⵔⴰⵜ ⵜⴰⵎⵙⵍⵉⵜ
voice-record = ⵙⵊⵊⵍ ⵜⴰⴱⵔⴰⵜ ⵜⴰⵎⵙⵍⵉⵜ
voice-starting = ⴰⴷ ⵏⵙⵙⴽⵔ ⴰⵎⵙⵎⵙⵍⵉ…
voice-stop = ⵃⴱⵙ ⵜⵃⴹⵓⴷ ⵜ
voice-saving = ⴰⴷ ⵏⵃⴹⵓ ⵜⴰⴱⵔⴰⵜ ⵏⵏⵎ ⵜⴰⵎⵙⵍⵉⵜ ⴱⵍⴰ ⴰⵙⵖⵉⵍ…
voice-saved = ⵜⴰⴱⵔⴰⵜ ⵏⵏⵎ ⵜⴰⵎⵙⵍⵉⵜ ({ $length }) ⵜⵜⵓⵃⴹⴰ ⴷ ⵓⵎⵍⵉⵍ ⴰ, ⵉⵇⵇⵏ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ.
voice-listen = ⵙⵍ ⴰⵙ
voice-delete = ⴽⴽⵙ ⵜⴰⴱⵔⴰⵜ ⵜⴰⵎⵙⵍⵉⵜ
voice-unsupported = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵙⵊⵊⵍ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴰⵔⴰⴷ.
voice-no-microphone = ⵓⵔ ⵏⵣⵎⵉⵔ ⴰⴷ ⵏⵙⵙⵎⵔⵙ ⴰⵎⵙⵎⵙⵍⵉ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴰⵔⴰⴷ.
voice-failed = ⵓⵔ ⵜⵜⵓⵃⴹⴰ ⵜⴱⵔⴰⵜ ⵜⴰⵎⵙⵍⵉⵜ. ⴰⵍⵙ ⴰⵔⵎ.
consent-contact = ⵜⵣⵎⵔ ⵢⴰⵜ ⵜⵙⴼⵍⴷⵜ ⴰⴷ ⵉⵢⵉ ⵜⵖⵔ
report-phone = ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ
report-safe-times = ⵎⴰⵏⴰⴽⵓⴷ ⵉⵖⵓⴷⴰ ⴰⴷ ⴰⵎ ⵏⵖⵔ ⴱⵍⴰ ⴰⵙⵖⵉⵍ?
consent-referral = ⵔⴹⵉⵖ ⴰⴷ ⵉⵢⵉ ⵙⵙⵓⴷⵓⵏ ⵖⵔ ⵢⴰⵜ ⵜⵏⴰⴱⴰⴹⵜ ⵉⵣⵎⵔⵏ ⴰⴷ ⵉⵢⵉ ⵜⵄⴰⵡⵏ
refer-prosecutor = ⵜⴰⵖⵔⵙⵜ ⵏ ⵓⵙⵎⵓⵜⵜⴳ ⵏ ⵜⵎⵖⴰⵔⵉⵏ ⴳ ⵓⵎⵙⴰⵙⴰ ⴰⵎⴰⵜⴰⵢ
refer-police = ⵜⴰⵎⵙⵍⵟⵜ
refer-gendarmerie = ⵍⴵⴰⴷⴰⵔⵎⵉⵢⴰ ⵜⴰⴳⵍⴷⵉⵜ
refer-health = ⵜⴰⵙⴳⵔⵜ ⵏ ⵜⴷⵓⵙⵉ
refer-shelter = ⴰⵙⴰⵏⵓ ⵏ ⵓⵙⵙⵉⵡⴹ
refer-legal_aid = ⵜⴰⵡⵉⵙⵉ ⵜⴰⵏⵣⵔⴼⴰⵏⵜ
refer-association = ⵜⴰⵎⵙⵎⵓⵏⵜ
consent-statistics = ⵎⴰⴷ ⵜⵜⴰⵣⵏⵖ ⵉⵣⵎⵔ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵉⴹⵏ ⴳ ⵜⵙⵉⵡⵉⵏ ⵓⵔ ⵉⵙⵎⵎⴰⵏ
report-submit = ⴰⵣⵏ ⴰⵎⵍⵉⵍ
report-close = ⵃⴹⵓ ⵜⵔⴳⵍⴷ
report-discard = ⴽⴽⵙ ⴰⵎⵍⵉⵍ ⴰ
report-sent = ⴰⵎⵍⵉⵍ ⵏⵏⵎ ⵉⵜⵜⵓⵃⵟⵟⴰ, ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵖⴰⵙ ⵜⵍⵍⴰ ⵜⵓⵇⵇⵏⴰ.
resume-heading = ⵜⵔⵉⴷ ⴰⴷ ⵜⴽⵎⵎⵍⴷ ⴰⵎⵍⵉⵍ ⵏⵏⵎ?
resume-continue = ⴽⵎⵎⵍ
resume-discard = ⴽⴽⵙ ⵜ
region-01 = طنجة تطوان الحسيمة
region-02 = الشرق
region-03 = فاس مكناس
region-04 = الرباط سلا القنيطرة
region-05 = بني ملال خنيفرة
region-06 = الدار البيضاء سطات
region-07 = مراكش آسفي
region-08 = درعة تافيلالت
region-09 = سوس ماسة
region-10 = كلميم واد نون
region-11 = العيون الساقية الحمراء
region-12 = الداخلة وادي الذهب
send-now = ⴰⵣⵏ ⵖⵉⵍⴰ
sync-last-contact = { $count ->
    [0] ⴰⵏⵎⵢⴰⵡⴰⴹ ⴰⵏⴳⴳⴰⵔⵓ ⴷ ⵜⵏⴰⴱⴰⴹⵜ: ⵖⵉⵍⴰ
    [one] ⴰⵏⵎⵢⴰⵡⴰⴹ ⴰⵏⴳⴳⴰⵔⵓ ⴷ ⵜⵏⴰⴱⴰⴹⵜ: ⵢⴰⵜ ⵜⵓⵙⴷⵉⴷⵜ ⴰⵢⴰ
   *[other] ⴰⵏⵎⵢⴰⵡⴰⴹ ⴰⵏⴳⴳⴰⵔⵓ ⴷ ⵜⵏⴰⴱⴰⴹⵜ: { $count } ⵜⵓⵙⴷⵉⴷⵉⵏ ⴰⵢⴰ
}
sync-never = ⵓⵔ ⵏⵎⵢⴰⵡⴰⴹ ⵙ ⵜⵏⴰⴱⴰⴹⵜ
sync-upload = ⴰⴷ ⵏⴰⵣⵏ ⵢⴰⵏ ⵓⴼⵔⴷⵉⵙ ⵎⵇⵇⵓⵔⵏ (ⵜⴰⴱⵔⴰⵜ ⵜⴰⵎⵙⵍⵉⵜ): { $percent }%
sync-problem-not_configured = ⵓⵍⴰ ⵢⴰⵜ ⵜⵏⴰⴱⴰⴹⵜ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ.
sync-problem-no_connection = ⵓⵔ ⵜⵍⵍⵉ ⵜⵓⵇⵇⵏⴰ. ⴽⵓⵍⵍⵓ ⵉⵜⵜⵓⵃⵟⵟⴰ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ, ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵖⴰⵙ ⵜⵓⵖⴰⵍ ⵜⵓⵇⵇⵏⴰ.
sync-problem-service_unreachable = ⵜⴰⵏⴰⴱⴰⴹⵜ ⵓⵔ ⵜⵔⴰⵔ ⵖⵉⵍⴰ. ⵏⵜⵜⴰⵍⵙ ⵜⴰⵔⵎⵉⵜ.
sync-problem-service_busy = ⵜⴰⵏⴰⴱⴰⴹⵜ ⵜⵓⴷⵔ. ⴰⴷ ⵏⴰⵍⵙ ⴷⵖⵢⴰ.
sync-problem-item_refused = ⵜⴰⵏⴰⴱⴰⴹⵜ ⵜⵓⴳⵉ ⵢⴰⵜ ⵜⵖⴰⵡⵙⴰ; ⵜⵇⵇⵉⵎ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ. ⴰⵢⵏⵏⴰ ⵢⴰⴹⵏ ⵉⵜⵜⵓⵣⵏ.
sync-problem-service_key_changed = ⵜⴰⵏⴰⴱⴰⴹⵜ ⵜⵙⵙⴽⵏ ⵢⴰⵏ ⵓⵙⴰⵔⵓ ⵢⴰⴹⵏ. ⵓⵍⴰ ⵢⴰⵜ ⵓⵔ ⵜⵜⵓⵣⵏ ⴰⵔ ⴷ ⵉⵙⴼⵇⴷ ⵢⴰⵏ. ⵖⵔ ⵙ 8350.
sync-problem-device_refused = ⵜⴰⵏⴰⴱⴰⴹⵜ ⵓⵔ ⵜⵇⴱⵍ ⴰⵙⵏⴼⴰⵔ ⴰ. ⵖⵔ ⵙ 8350 ⵎⴰⵔ ⴰⴷ ⴰⵎ ⵄⴰⵡⵏⵏ.
sync-problem-directory_refused = ⵢⴰⵏ ⵓⵙⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵎⵉⵍ ⵓⵔ ⵉⴳⵉ ⴰⵏⴰⵎⴰⵙ, ⵉⵜⵜⵓⴳⴳⴰ. ⴰⵙⵎⵉⵍ ⵏⵏⵎ ⵉⵇⵇⵉⵎ.
sync-problem-incompatible = ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⴰ ⵓⵔ ⵜⵣⵎⵉⵔ ⴰⴷ ⵜⵎⵙⴰⵡⴰⵍ ⴷ ⵜⵏⴰⴱⴰⴹⵜ ⴰⴷ. ⵙⵎⴰⵢⵏⵓ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⵏⵖ ⵙⴼⵇⴷ ⴰⵏⵙⴰ ⵏ ⵜⵏⴰⴱⴰⴹⵜ.
sync-problem-storage = ⴰⵃⵟⵟⵓ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ ⵓⵔ ⵉⵅⴷⵉⵎ; ⵉⵖⵉⵢ ⴰⴷ ⵉⵜⵜⵓⵄⵎⵎⵔ.
safety-heading = ⵜⴰⵏⴼⵔⵓⴳⵜ
change-pin-heading = ⵙⵏⴼⵍ ⴰⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ
pin-current-label = ⴰⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ ⵏ ⵖⵉⵍⴰ
change-pin-button = ⵙⵏⴼⵍ ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ
pin-changed = ⵉⵜⵜⵓⵙⵏⴼⵍ ⵓⵎⴰⵜⴰⵔ ⵏⵎ ⵓⴼⴼⵉⵔ
duress-heading = ⴰⵎⴰⵜⴰⵔ ⵏ ⵓⵙⵖⵓⴷⵙ
duress-hint = ⵢⴰⵏ ⵓⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ ⵡⵉⵙ ⵙⵉⵏ ⵉ ⵡⴰⴽⵓⴷ ⵎⴰ ⴷⴰⵎ ⵉⵙⵙⵖⵓⴷⵙⵏ ⴰⴷ ⵜⵕⵥⵎⴷ ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ: ⵉⵕⵥⵥⵎ ⵢⴰⵜ ⵜⵙⵏⵙⵉⵡⵉⵏⵜ ⵜⵅⵡⴰ.
duress-wipe-toggle = ⴽⴽⵙ ⴽⵓⵍⵍⵓ ⵎⴰⵔ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵓⵎⴰⵜⴰⵔ ⴰ
duress-save = ⵃⴹⵓ ⴰⵎⴰⵜⴰⵔ ⵏ ⵓⵙⵖⵓⴷⵙ
duress-saved = ⵉⵜⵜⵓⵃⴹⴰ ⵓⵎⴰⵜⴰⵔ ⵏ ⵓⵙⵖⵓⴷⵙ
wipe-heading = ⴽⴽⵙ ⴽⵓⵍⵍⵓ
wipe-hint = ⵉⴽⴽⵙ ⴽⵓⵍⵍⵓ ⵎⴰ ⵉⵃⴹⴰ ⵜⵙⵏⵙⵉⵡⵉⵏⵜ ⴳ ⵓⵙⵏⴼⴰⵔ ⴰ. ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⵉⵜⵜⵓⵔⴰⵔ.
wipe-button = ⴽⴽⵙ ⴽⵓⵍⵍⵓ
wipe-countdown = { $count ->
    [one] ⴰⴽⴽⵙ ⴷⴼⴼⵉⵔ ⵢⴰⵜ ⵜⵙⵉⵏⵜⵉⵎⵜ
   *[other] ⴰⴽⴽⵙ ⴷⴼⴼⵉⵔ { $count } ⵜⵙⵉⵏⵜⵉⵎⵉⵏ
}
support-open = ⵜⴰⵡⵉⵙⵉ ⴳ ⵜⵡⵓⵔⵉ, ⴰⵙⵎⵓⵜⵜⴳ ⵏⵖ ⵢⴰⵏ ⵓⵙⵏⴼⴰⵔ
support-heading = ⵙⵜⵔ ⵜⴰⵡⵉⵙⵉ ⴳ ⵜⵡⵓⵔⵉ, ⴰⵙⵎⵓⵜⵜⴳ ⵏⵖ ⵢⴰⵏ ⵓⵙⵏⴼⴰⵔ
support-topic = ⵎⴰⵜⵜⴰ ⵜⴰⵡⵉⵙⵉ ⵎⵉ ⵜⵃⵜⴰⵊⴷ?
topic-job = ⴰⴷ ⴰⴼⵖ ⵜⴰⵡⵓⵔⵉ
topic-training = ⴰⵙⵎⵓⵜⵜⴳ
topic-vocational_training = ⴰⵙⵎⵓⵜⵜⴳ ⴰⵙⵏⵓⵍⴼⵓ
topic-business = ⴰⴷ ⵙⵏⴼⵍⵓⵍⵖ ⵜⴰⵙⵏⵓⵔⴰⵢⵜ
topic-income_generating_project = ⴰⵙⵏⴼⴰⵔ ⵉⵙⵙⴽⵛⴰⵎⵏ ⵉⴷⵔⵉⵎⵏ
topic-other = ⵢⴰⵜ ⵜⵖⴰⵡⵙⴰ ⵢⴰⴹⵏ
support-age = ⵜⵓⵎⵔⵜ ⵏⵏⵎ
age-under_18 = ⴷⴷⴰⵡ 18 ⵏ ⵓⵙⴳⴳⵯⴰⵙ
age-18_24 = ⵙⴳ 18 ⴰⵔ 24 ⵏ ⵓⵙⴳⴳⵯⴰⵙ
age-25_34 = ⵙⴳ 25 ⴰⵔ 34 ⵏ ⵓⵙⴳⴳⵯⴰⵙ
age-35_49 = ⵙⴳ 35 ⴰⵔ 49 ⵏ ⵓⵙⴳⴳⵯⴰⵙ
age-50_plus = 50 ⵏ ⵓⵙⴳⴳⵯⴰⵙ ⵏⵖ ⵓⴳⴳⴰⵔ
support-schooling = ⴰⵙⵍⵎⴷ
schooling-none = ⵓⵔ ⵖⵔⵉⵖ
schooling-primary = ⵜⵉⵏⵎⵍ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ
schooling-secondary = ⵜⵉⵏⵎⵍ ⵜⴰⵏⴰⵎⵎⴰⵙⵜ ⵏⵖ ⵜⴰⵙⵏⴰⵡⴰⵏⵜ
schooling-vocational = ⴰⵙⵎⵓⵜⵜⴳ ⴰⵙⵏⵓⵍⴼⵓ
schooling-university = ⵜⴰⵙⴷⵓⵍⵜ
support-text = ⵎⴰⴷ ⵜⵙⵙⵏⴷ ⴰⴷ ⵜⴳⴷ, ⵎⴰⴷ ⵜⵔⵉⴷ ⴰⴷ ⵜⴳⴷ?
support-submit = ⴰⵣⵏ ⴰⵙⵜⴰⵔ
support-sent = ⴰⵙⵜⴰⵔ ⵏⵏⵎ ⵉⵜⵜⵓⵃⵟⵟⴰ, ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵖⴰⵙ ⵜⵍⵍⴰ ⵜⵓⵇⵇⵏⴰ.
cases-heading = ⵉⵎⵍⵉⵍⵏ ⴷ ⵉⵙⵜⴰⵔⵏ ⵉⵏⵓ
cases-none = ⵓⵍⴰ ⵢⴰⵜ ⵓⵔ ⵜⵜⵓⵣⵏ
case-kind-alert = ⴰⵙⵍⵖⵓ
case-kind-report = ⴰⵎⵍⵉⵍ
case-kind-support_request = ⴰⵙⵜⴰⵔ ⵏ ⵜⵡⵉⵙⵉ ⴳ ⵜⵡⵓⵔⵉ ⵏⵖ ⴰⵙⵎⵓⵜⵜⴳ
case-kind-intake = ⴰⵙⵏⵓⴱⴳ ⴳ ⵢⴰⵏ ⵓⵙⵏⵜⵉ
case-status-waiting = ⵉⵜⵜⵔⴰⵊⵓ ⴰⴷ ⵉⵜⵜⵓⵣⵏ
case-status-sent = ⵉⵜⵜⵓⵣⵏ
case-status-acknowledged = ⵜⵓⵎⵥ ⵜ ⵢⴰⵜ ⵜⵙⴼⵍⴷⵜ
case-status-referred = ⵉⵜⵜⵓⵙⵙⵓⴷⵓ ⵖⵔ ⵢⴰⵜ ⵜⵏⴰⴱⴰⴹⵜ
case-status-closed = ⵉⵜⵜⵓⵔⴳⵍ
case-message = ⵜⵓⵣⵉⵏⵜ ⵙⴳ ⵜⵙⴼⵍⴷⵜ:
call-heading = ⵖⵔ ⵖⵉⵍⴰ
call-line = ⵜⵉⵣⵉ ⵏ ⵓⵙⴼⵍⴷ ⵉ ⵜⵎⵖⴰⵔⵉⵏ
call-police = ⵜⴰⵎⵙⵍⵟⵜ
call-gendarmerie = ⵍⴵⴰⴷⴰⵔⵎⵉⵢⴰ ⵜⴰⴳⵍⴷⵉⵜ
call-civil = ⴰⵙⵜⵜⴰⵡⵉ ⴰⵖⵔⴼⴰⵏ (ⵜⴰⵎⵙⵙⴰ, ⴰⵙⵏⵓⵍⴼⵓ)

## Alert progress, first run, settings
panic-sent = ⵉⵜⵜⵓⵣⵏ ⵓⵙⵍⵖⵓ ⵖⵔ ⵓⵣⵔⵉⴳ ⵏ ⵜⵎⵖⴰⵔⵉⵏ. ⵏⵔⴰⵊⵊⴰ ⵢⴰⵜ ⵜⵎⵙⴼⵍⴷⵜ…
panic-received = ⵢⴰⵜ ⵜⵎⵙⴼⵍⴷⵜ ⵜⴽⵛⵎ ⵖⵓⵔⵙ ⵓⵙⵍⵖⵓ ⵏⵎ. ⵇⵇⵉⵎ ⴳ ⵜⵍⵍⵉⵙ, ⴰⴷ ⵜⵙⴽⵔ.
panic-refused = ⵓⵔ ⵉⵇⴱⵉⵍ ⵓⵣⵔⵉⴳ ⴰⵙⵍⵖⵓ ⴰ. ⵖⵔ ⵖⵉⵍⴰⴷ ⵙ 19 (ⵜⴰⵎⵙⵍⵟⵜ) ⵏⵖ 8350.
panic-step-saved = ⵉⵜⵜⵓⵃⵟⵟⴰ
panic-step-sent = ⵉⵜⵜⵓⵣⵏ
panic-step-received = ⵉⵍⴽⵎ
first-run-language = ⵙⵜⵢ ⵜⵓⵜⵍⴰⵢⵜ ⵏⵎ
first-run-about-heading = ⵎⴰⴷ ⵉⵙⴽⴰⵔ ⵓⵙⵏⴼⴰⵔ ⴰ
first-run-about-alert = ⵜⴰⴼⵍⵓⵙⵜ ⵏ ⵜⵡⵉⵙⵉ ⵜⴰⵣⵏ ⴰⵙⵍⵖⵓ ⵖⵔ ⵓⵣⵔⵉⴳ ⵏ ⵜⵎⵖⴰⵔⵉⵏ, ⵡⵍⴰ ⵉⴳ ⵉⵇⵇⵏ ⵓⵙⵏⴼⴰⵔ. ⵙⵙⵏⵜⵍ ⴼⵍⵍⴰⵙ ⵙⵉⵏ ⵜⵙⵉⵏⵜⵉⵎⵉⵏ.
first-run-about-report = ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵎⵎⵍⴷ ⴽⵔⴰ ⵏ ⵓⵙⵏⴼⵍ ⵏ ⵜⴰⴽⵔⵉⴹⵜ, ⴰⴷ ⵜⵉⵏⵉⴷ ⵎⴰⵏⵡ ⵉⵣⵎⵔⵏ ⴰⴷ ⵉⵙⵙⵏ.
first-run-about-support = ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵜⵔⴷ ⵜⴰⵡⵉⵙⵉ ⴳ ⵜⵡⵓⵔⵉ, ⴳ ⵓⵙⵎⵓⵜⵜⴳ ⵏⵖ ⴳ ⵓⵙⵏⴼⴰⵔ, ⴷ ⴰⴷ ⵜⴰⴼⴷ ⵜⵉⵏⵏⵓⵎⴰⵍ ⵉⵇⵔⴱⵏ.
first-run-about-stored = ⴰⵢⵏⵏⴰ ⵜⵔⵉⵜⵉⴷ ⵉⵇⵇⵉⵎ ⴳ ⵜⵉⵍⵉⴼⵓⵏ ⴰ, ⵉⵇⵇⵏ ⵙ ⵓⵎⴰⵜⴰⵔ ⵏⵎ. ⵓⵔ ⵉⵜⵜⵓⵣⵏ ⵖⴰⵙ ⵖⵔ ⵓⵣⵔⵉⴳ ⵏ ⵜⵎⵖⴰⵔⵉⵏ, ⵉⵜⵜⵓⵥⵟⴰⴼ ⴰⴷ ⵓⵔ ⵜ ⵉⵖⵔ ⵢⴰⵏ ⵢⴰⴹⵏ.
first-run-about-offline = ⵉⵙⵡⵓⵔⵉ ⴱⵍⴰ ⴰⵏⵜⵉⵔⵏⵉⵜ: ⴰⵢⵏⵏⴰ ⵜⵣⵏⴷ ⵉⵔⴰⵊⵊⴰ ⴷⵉⴳⵉ ⵢⴰⴷ ⵉⴷⴷⵓ ⵖⴰⵙ ⵜⵍⵍⴰ ⵜⵓⵇⵇⵏⴰ.
first-run-about-exit = ⵜⴰⴼⵍⵓⵙⵜ ⵏ ⵓⴼⴼⵓⵖ, ⵏⵖ Escape, ⵜⵙⵙⵏⵜⵍ ⴰⵙⵏⴼⴰⵔ ⵖⵉⵍⴰⴷ ⴷⴼⴼⵉⵔ ⵢⴰⵜ ⵜⵎⵙⵙⵉⴹⵏⵜ.
first-run-next = ⴰⵎⴹⴼⴰⵕ
first-run-skip = ⵣⵔⵉ, ⴷⴷⵓ ⵖⵔ ⵓⵙⵏⴼⴰⵔ
first-run-region-heading = ⵜⴰⵎⵏⴰⴹⵜ ⵏⵎ
first-run-region-why = ⵜⴰⵎⵏⴰⴹⵜ ⵏⵎ ⵜⴷⴷⴰ ⴷ ⵓⵙⵍⵖⵓ ⵉⴳ ⵓⵔ ⵉⵙⵙⵉⵏ ⵓⵙⵎⵔⵙ ⴰ ⴰⵏⵙⴰ ⵏⵎ, ⵜⵙⵙⴽⴰⵏ ⵜⵉⵏⵏⵓⵎⴰⵍ ⵉⵇⵔⴱⵏ.
first-run-pin-why = ⵙⵜⵢ ⴰⵎⴰⵜⴰⵔ ⵓⴼⴼⵉⵔ ⴰⴷ ⵓⵔ ⵉⵖⵔ ⵢⴰⵏ ⴰⵢⵏⵏⴰ ⵜⵔⵉⵜⵉⴷ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜ ⵜⴳⴷ ⴷⴼⴼⵉⵔ.
settings-heading = ⵜⵉⵙⵖⴰⵍ
settings-region = ⵜⴰⵎⵏⴰⴹⵜ ⵏⵎ
settings-text-size = ⵜⵉⴷⵉ ⵏ ⵓⴹⵕⵉⵚ
settings-text-size-normal = ⵜⴰⵎⵣⵡⴰⵔⵓⵜ
settings-text-size-large = ⵜⴰⵎⵇⵔⴰⵏⵜ
settings-text-size-larger = ⵜⴰⵎⵇⵔⴰⵏⵜ ⴱⴰⵀⵔⴰ
settings-auto-lock = ⵇⵇⵏ ⴰⵙⵏⴼⴰⵔ ⴷⴼⴼⵉⵔ
settings-auto-lock-never = ⵓⵔ ⵊⵊⵓ
settings-auto-lock-minutes = { $count ->
    [one] ⵢⴰⵜ ⵜⵓⵙⴷⵉⴷⵜ ⴱⵍⴰ ⴰⵙⵎⵔⵙ
   *[other] { $count } ⵜⵓⵙⴷⵉⴷⵉⵏ ⴱⵍⴰ ⴰⵙⵎⵔⵙ
}
settings-saved = ⵉⵜⵜⵓⵃⵟⵟⴰ.
settings-service = ⴰⵏⵙⴰ ⵏ ⵜⵏⴰⴼⵓⵜ (ⵉ ⵜⵔⴰⴱⴱⵓⵜⵉⵏ ⵏ ⵓⵏⵎⵓⵍ)
settings-service-hint = ⵓⵔ ⵜ ⵜⵙⵏⴼⵍ ⵖⴰⵙ ⵎⴽ ⴽⵎ ⵢⵓⴼⴽⴰ ⵓⵏⵙⵜⴰⵢ ⵏⵏⵎ ⴰⵏⵙⴰ. ⴰⵢⵏⵏⴰ ⵓⵔ ⵉⵜⵜⵓⵣⵏ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵣⵡⴰⵔ.
settings-service-address = ⴰⵏⵙⴰ
settings-service-save = ⵇⵇⵏ
settings-service-connecting = ⴰⵇⵇⵏ…
settings-service-saved = ⵉⵜⵜⵓⵇⵇⵏ. ⵜⴰⵙⵏⵙⵉⵡⵉⵏⵜ ⵜⵙⵙⵎⵔⴰⵙ ⴰⵏⵙⴰ ⴰ ⵖⵉⵍⴰ.
settings-service-invalid = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵏⵙⴰ ⴰ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⴰⵙ. ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⴱⴷⵓ ⵙ https://.
settings-service-waiting = ⵍⵍⴰⵏⵜ ⴽⵔⴰ ⵏ ⵜⵖⴰⵡⵙⵉⵡⵉⵏ ⵔⴰⴷ ⵜⵜⵓⵣⵏⵏⵜ. ⴰⵣⵏ ⵜⵏⵜ ⵣⵡⴰⵔ, ⵙⴰⵔ ⵙⵏⴼⵍ ⴰⵏⵙⴰ.
settings-service-unreachable = ⵓⵔ ⵉⵔⴰⵔ ⵓⵏⵙⴰ ⴰ. ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ ⵡⴰⵍⵓ.
settings-service-refused = ⴰⵏⵙⴰ ⴰ ⵓⵔ ⵉⴳⵉ ⵜⴰⵏⴰⴼⵓⵜ ⵏ Kulna. ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ ⵡⴰⵍⵓ.
settings-service-failed = ⵓⵔ ⵉⵍⴽⵉⵎ. ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ ⵡⴰⵍⵓ.
unlock-opening = ⴰⵔ ⵉⵜⵜⵕⵥⵎ… ⵉⵜⵜⴰⵡⵉ ⴽⵔⴰ ⵏ ⵓⵙⵔⴰⴳ.
panic-sms = ⴰⵣⵏ ⵜⵉⵏⴼⵓⵙⵉⵏ ⵉ ⵉⵎⴷⴷⴰⴽⴽⵍⵏ ⵏⵏⵎ
panic-sms-body = ⵔⵉⵖ ⵜⴰⵡⵉⵙⵉ. ⵖⵔ ⵉⵢⵉ ⵏⵖ ⴰⵙⵉⴷ. ⵍⵍⵉⵖ ⴳ ⵜⵎⵏⴰⴹⵜ ⵏ { $region }.
panic-sms-body-no-region = ⵔⵉⵖ ⵜⴰⵡⵉⵙⵉ. ⵖⵔ ⵉⵢⵉ ⵏⵖ ⴰⵙⵉⴷ.
contacts-heading = ⵉⵎⴷⴷⴰⴽⴽⵍⵏ ⵏ ⵜⵉⴼⵍⵜ
contacts-hint = ⴰⵔ ⴽⵕⴰⴹ ⵏ ⵎⵉⴷⴷⵏ ⵎⵉ ⵜⵙⵙⵓⵎⵔ ⵜⵉⵙⴽⵔⵉⵏⵜ ⵏ ⵜⵡⵉⵙⵉ ⴰⴷ ⴰⵙⵏ ⵜⴰⵣⵏⴷ ⵜⵉⵏⴼⵓⵙⵉⵏ. ⵃⵟⵟⴰⵏ ⵙ ⵓⵎⴰⵜⴰⵔ ⵏⵏⵎ.
contacts-number = ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ
contacts-save = ⵃⴹⵓ ⵉⵎⴷⴷⴰⴽⴽⵍⵏ
contacts-saved = ⵃⵟⵟⴰⵏ ⵉⵎⴷⴷⴰⴽⴽⵍⵏ.
contacts-bad-number = ⵢⴰⵏ ⴳⵉⵙⵏ ⵓⵔ ⵉⴳⵉ ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ (ⴽⵕⴰⴹ ⵏ ⵡⵓⵟⵟⵓⵏⵏ ⵖⴰⵙ).
settings-about = ⵅⴼ ⵓⵙⵏⴼⴰⵔ ⴷ ⵜⵓⴼⴼⵔⴰ ⵏⵎ

# Her screens besides home
nav-label = ⵜⵉⵙⵏⴰ ⵏ ⵜⵙⵏⵙⵉⵡⵉⵏⵜ
nav-cases = ⵉⵎⵍⵉⵍⵏ ⴷ ⵉⵙⵜⴰⵔⵏ ⵉⵏⵓ
nav-safety = ⵜⴰⵏⴼⵔⵓⴳⵜ
nav-settings = ⵜⵉⵙⵖⴰⵍ
nav-back = ⵓⵖⵓⵍ ⵖⵔ ⵜⵙⵏⴰ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ
