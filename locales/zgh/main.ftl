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
