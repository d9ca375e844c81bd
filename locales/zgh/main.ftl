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
