# English. Every id here must exist in ar, ary, zgh and fr too (a test checks).

app-name = Kulna Ma'ak
app-tagline = We are all with you
app-version = Version { $version }
language-label = Language
status-heading = This device
status-loading = Checking…
status-storage-ready = Storage on this device is ready and protected
status-storage-version = Storage version { $version }
home-waiting = { $count ->
    [0] Nothing is waiting to be sent
    [one] One item is waiting to be sent
   *[other] { $count } items are waiting to be sent
}
service-reachable = The listening service is reachable
service-unreachable = The listening service cannot be reached now. Everything waits safely on this device.
service-unknown = Not yet in contact with the listening service
service-not-configured = No listening service is set up on this device
error-storage = Storage on this device could not be opened. Nothing was deleted.
error-generic = Something went wrong. Please try again.
panic-button = Help
panic-button-label = Alert button: press and hold for 2 seconds to send an alert
panic-hold-hint = Press and hold for 2 seconds
panic-countdown = { $count ->
    [one] Sending the alert in 1 second
   *[other] Sending the alert in { $count } seconds
}
panic-cancel = Cancel
panic-sending = Saving the alert…
panic-saved = Alert saved on this phone. It is sent as soon as there is a connection.
panic-failed = The alert could not be saved. Call 19 (police) or 8350.
pin-setup-heading = Protect this app with a PIN
pin-setup-hint = Without your PIN, nobody can read what you write here. The help button works even when the app is locked.
pin-label = PIN
pin-again-label = The same PIN again
pin-save = Save PIN
pin-too-short = A PIN has at least 4 characters
pin-mismatch = The two PINs are not the same
unlock-heading = Enter your PIN
unlock-button = Open
wrong-pin = Wrong PIN
pin-wait = { $count ->
    [one] Too many tries. Wait 1 second.
   *[other] Too many tries. Wait { $count } seconds.
}
lock-heading = The app is open
lock-button = Lock now
quick-exit = Exit
quick-exit-label = Quick exit: hide the app now (Escape key)
disguise-toggle = Open the app as a calculator
disguise-hint = To come back from the calculator, type your PIN, then =
