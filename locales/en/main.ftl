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
report-open = Report violence
report-heading = Report what happened
report-saved = Saved on this phone, encrypted
report-violence = What kind of violence? You can choose several.
violence-physical = Physical
violence-sexual = Sexual
violence-psychological = Psychological (threats, insults, harassment)
violence-economic = Economic (money, work or papers taken from you)
violence-digital = Digital (photos, messages, stalking online)
report-when = When did it happen?
report-region = Region
report-region-none = Choose a region
report-place = Town or place (optional)
report-danger = Someone is in danger now
report-children = Children are at risk
report-relation = Who did this to you?
relation-none = Choose
relation-partner = Husband or partner
relation-former_partner = Former husband or partner
relation-family = Someone in the family
relation-acquaintance = Someone I know
relation-work = Employer or colleague
relation-stranger = A stranger
relation-not_said = I would rather not say
report-text = What happened, in your words
voice-heading = Or say it in a voice note
voice-record = Record a voice note
voice-starting = Turning the microphone on…
voice-stop = Stop and keep it
voice-saving = Keeping your voice note safe…
voice-saved = Your voice note ({ $length }) is kept with this report, locked on this phone.
voice-listen = Listen to it
voice-delete = Delete the voice note
voice-unsupported = Recording is not possible on this phone. You can write instead.
voice-no-microphone = The microphone could not be used. You can write instead.
voice-failed = The voice note could not be kept. Please try again.
consent-contact = A listener may contact me
report-phone = Phone number to call
report-safe-times = When is it safe to call you?
consent-referral = I agree to be referred to a service that can help
refer-prosecutor = Public prosecutor's care cell for women
refer-police = Police
refer-gendarmerie = Royal Gendarmerie
refer-health = Health unit
refer-shelter = Shelter
refer-legal_aid = Legal aid
refer-association = Association
consent-statistics = What I send may be counted in anonymous statistics
report-submit = Send the report
report-close = Save and close
report-discard = Delete this report
report-sent = Your report is saved and will be sent as soon as there is a connection.
resume-heading = Continue your report?
resume-continue = Continue
resume-discard = Delete it
region-01 = Tanger-Tétouan-Al Hoceïma
region-02 = L'Oriental
region-03 = Fès-Meknès
region-04 = Rabat-Salé-Kénitra
region-05 = Béni Mellal-Khénifra
region-06 = Casablanca-Settat
region-07 = Marrakech-Safi
region-08 = Drâa-Tafilalet
region-09 = Souss-Massa
region-10 = Guelmim-Oued Noun
region-11 = Laâyoune-Sakia El Hamra
region-12 = Dakhla-Oued Ed-Dahab
send-now = Send now
sync-last-contact = { $count ->
    [0] Last contact with the service: just now
    [one] Last contact with the service: 1 minute ago
   *[other] Last contact with the service: { $count } minutes ago
}
sync-never = Not yet in contact with the service
sync-upload = Sending a large item (a voice note): { $percent }%
sync-problem-not_configured = No service is set up on this device.
sync-problem-no_connection = No connection. Everything waits safely on this phone and is sent when the connection returns.
sync-problem-service_unreachable = The service does not answer right now. We keep trying.
sync-problem-service_busy = The service is busy. We try again shortly.
sync-problem-item_refused = The service refused one item; it stays on this phone. Everything else is sent.
sync-problem-service_key_changed = The service shows a different key. Nothing is sent until someone checks. Call 8350.
sync-problem-device_refused = The service does not accept this phone. Call 8350 for help.
sync-problem-directory_refused = A directory update was not genuine and was thrown away. Your directory is kept.
sync-problem-incompatible = This app cannot talk to that service. Update the app or check the service address.
sync-problem-storage = Storage on this phone failed; it may be full.
safety-heading = Safety
change-pin-heading = Change your PIN
pin-current-label = Your current PIN
change-pin-button = Change PIN
pin-changed = Your PIN is changed
duress-heading = Duress PIN
duress-hint = A second PIN for when someone forces you to open the app: it opens an empty app that looks normal.
duress-wipe-toggle = Also erase everything when this PIN is used
duress-save = Save the duress PIN
duress-saved = Duress PIN saved
wipe-heading = Erase everything
wipe-hint = Deletes everything this app keeps on this phone. It cannot be undone.
wipe-button = Erase everything
wipe-countdown = { $count ->
    [one] Erasing in 1 second
   *[other] Erasing in { $count } seconds
}
support-open = Help with work, training or a business
support-heading = Ask for help with work, training or a business
support-topic = What do you need help with?
topic-job = Finding a job
topic-training = Training
topic-vocational_training = Vocational training
topic-business = Starting a business
topic-income_generating_project = An income-generating project
topic-other = Something else
support-age = Your age
age-under_18 = Under 18
age-18_24 = 18 to 24
age-25_34 = 25 to 34
age-35_49 = 35 to 49
age-50_plus = 50 or more
support-schooling = Schooling
schooling-none = No schooling
schooling-primary = Primary school
schooling-secondary = Middle or secondary school
schooling-vocational = Vocational training
schooling-university = University
support-text = What can you do, and what would you like to do?
support-submit = Send the request
support-sent = Your request is saved and will be sent as soon as there is a connection.
cases-heading = My reports and requests
cases-none = Nothing sent yet
case-kind-alert = Alert
case-kind-report = Report
case-kind-support_request = Request for help with work or training
case-kind-intake = Intake at a center
case-status-waiting = Waiting to be sent
case-status-sent = Sent
case-status-acknowledged = Received by a listener
case-status-referred = Referred to a service
case-status-closed = Closed
case-message = Message from the listener:
call-heading = Call now
call-line = Women's listening line
call-police = Police
call-gendarmerie = Royal Gendarmerie
call-civil = Civil protection (fire, ambulance)

## Alert progress, first run, settings
panic-sent = Alert sent to the women's line. Waiting for a listener…
panic-received = A listener has your alert. Stay safe; they will act on it.
panic-refused = The line could not accept this alert. Call 19 (police) or 8350 now.
panic-step-saved = Saved
panic-step-sent = Sent
panic-step-received = Received
first-run-language = Choose your language
first-run-about-heading = What this app does
first-run-about-alert = The Help button sends an alert to the women's line, even when the app is locked. Hold it for 2 seconds.
first-run-about-report = You can report violence of any kind, and say who may be told.
first-run-about-support = You can ask for help with work, training or starting a project, and find offers near you.
first-run-about-stored = What you write stays on this phone, locked with your PIN. It is sent only to the women's line, sealed so no one else can read it.
first-run-about-offline = It works without internet: what you send waits here and goes as soon as there is a connection.
first-run-about-exit = The Exit button, or the Escape key, hides the app at once behind a calculator.
first-run-next = Next
first-run-skip = Skip, go to the app
first-run-region-heading = Your region
first-run-region-why = Your region goes with an alert when this device cannot tell where you are, and shows the offers near you.
first-run-pin-why = Choose a PIN so that no one else can read what you write. You can also do it later.
settings-heading = Settings
settings-region = Your region
settings-text-size = Text size
settings-text-size-normal = Normal
settings-text-size-large = Large
settings-text-size-larger = Larger
settings-auto-lock = Lock the app after
settings-auto-lock-never = Never
settings-auto-lock-minutes = { $count ->
    [one] 1 minute without use
   *[other] { $count } minutes without use
}
settings-saved = Saved.
settings-service = Service address (for field teams)
settings-service-hint = Change it only if your center gives you an address. Things not yet sent must be sent first; reports already sent stay with the old service.
settings-service-address = Address
settings-service-save = Connect
settings-service-connecting = Connecting…
settings-service-saved = Connected. The app now uses this address.
settings-service-invalid = This address cannot be used. It must begin with https://.
settings-service-waiting = Some things are still waiting to be sent. Send them first, then change the address.
settings-service-unreachable = This address did not answer. Nothing was changed.
settings-service-refused = This address is not a Kulna service. Nothing was changed.
settings-service-failed = It did not work. Nothing was changed.
unlock-opening = Opening… this takes a moment.
panic-sms = Text my trusted contacts
panic-sms-body = I need help. Please call me or come. I am in { $region }.
panic-sms-body-no-region = I need help. Please call me or come.
contacts-heading = Trusted contacts
contacts-hint = Up to three people the Help screen offers to text. Kept locked with your PIN.
contacts-number = Phone number
contacts-save = Save contacts
contacts-saved = Contacts saved.
contacts-bad-number = One of these is not a phone number (at most three numbers).
settings-about = About this app and your privacy

# Her screens besides home
nav-label = App pages
nav-cases = My reports and requests
nav-safety = Safety
nav-settings = Settings
nav-back = Back to home
