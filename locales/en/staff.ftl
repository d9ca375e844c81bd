## The staff side: sign-in, queue, cases, intake, supervisor views.

staff-entry = Staff sign-in
staff-heading = Listeners and field workers
staff-back-home = Back to the app
staff-sign-in-heading = Sign in to the listening service
staff-sign-in-hint = For listeners, field workers and supervisors with an account. The app must be unlocked with its PIN.
staff-username = Username
staff-password = Password
staff-sign-in = Sign in
staff-sign-out = Sign out
staff-signed-out = You are signed out.
staff-session-ended = Your session has ended (it expired or was closed). Please sign in again.
staff-role-listener = Listener
staff-role-field_worker = Field worker
staff-role-supervisor = Supervisor
staff-role-admin = Administrator
staff-scope-national = all regions
staff-scope-region = region:
staff-scope-center = center:
staff-tab-queue = Queue
staff-tab-audit = Audit log
staff-tab-stats = Statistics

staff-error-wrong-credentials = Wrong username or password.
staff-error-forbidden = Your account is not allowed to do this.
staff-error-not-found = This case does not exist or is not in your center or region.
staff-error-invalid = Something is missing or not accepted. Check the fields and try again.
staff-error-refused = The service refused: the case changed meanwhile. Open it again.
staff-error-wait = Too many attempts. Wait a moment and try again.
staff-error-network = The service cannot be reached. Check the connection and try again.
staff-error-locked = Unlock the app with its PIN first (on the home screen).
staff-error-other = Something went wrong. Try again.

staff-queue-heading = Queue
staff-queue-count = { $count ->
    [0] Nothing in the queue
    [one] 1 case
   *[other] { $count } cases
}
staff-filter-status = Status
staff-filter-open = Open cases
staff-filter-kind = Type
staff-filter-all = All types
staff-status-new = New
staff-status-acknowledged = Acknowledged
staff-status-referred = Referred
staff-status-closed = Closed
staff-kind-alert = Alert
staff-kind-report = Report
staff-kind-intake = Walk-in intake
staff-kind-support_request = Support request
staff-minutes-ago = { $count ->
    [0] just now
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
staff-hours-ago = { $count ->
    [one] 1 hour ago
   *[other] { $count } hours ago
}
staff-days-ago = { $count ->
    [one] 1 day ago
   *[other] { $count } days ago
}
staff-region-none = Region not given
staff-acknowledge = Acknowledge
staff-open-case = Open

staff-back-to-queue = Back to the queue
staff-received = Received
staff-what-she-sent = What she sent
staff-voice-note = Her voice note
staff-unreadable = This record could not be read.
staff-her-language = Written in:
staff-violence = Forms of violence
staff-happened = When
staff-place = Where
staff-in-danger = Someone in danger now
staff-children = Children at risk
staff-perpetrator = Who did it
staff-topic = Help asked for
staff-yes = yes
staff-no = no
staff-not-said = not said
staff-consents = Her consents
staff-consent-services = To receive services
staff-consent-referral = To be referred
staff-consent-any-service = to any service
staff-consent-contact = To be contacted
staff-consent-statistics = To be counted in anonymous statistics
staff-no-contact = She did not agree to be contacted: do not call her.
staff-call-back = Call her back
staff-call = Call
staff-no-phone = She gave no phone number.
staff-safe-times = Safe times to call:

staff-refer = Refer
staff-refer-to = Refer to
staff-refer-listing = Organisation (from the directory)
staff-refer-listing-none = No particular organisation
staff-refer-message = A short message for her phone (optional)
staff-choose = Choose
staff-destination-prosecutor = Public prosecutor (care cell for women)
staff-destination-police = Police (DGSN)
staff-destination-gendarmerie = Royal Gendarmerie
staff-destination-health = Health service
staff-destination-shelter = Shelter
staff-destination-legal_aid = Legal aid
staff-destination-association = Association
staff-destination-training_employment = Training or employment body
staff-refer-no-consent = She has not agreed to be referred there. Only a supervisor can override this, with a reason.
staff-refer-no-consent-supervisor = She has not agreed to be referred there. To refer anyway, write the reason; it is recorded in the audit log.
staff-override-reason = Reason for overriding her choice
staff-refer-submit = Refer
staff-referrals = Referrals
staff-referral-in_progress = In progress
staff-referral-accepted = Accepted
staff-referral-rejected = Rejected
staff-referral-revoked = Revoked
staff-referral-done = Done
staff-referral-accept = Accepted
staff-referral-mark-done = Done
staff-referral-reject = Rejected
staff-referral-revoke = Revoke
staff-reason = Reason (if not successful)
staff-reason-refused_services = She refused the services
staff-reason-no_capacity = No capacity
staff-reason-no_longer_needed = No longer needed
staff-reason-unable_to_contact_her = Unable to contact her
staff-reason-unable_to_contact_service = Unable to contact the service
staff-reason-other = Other
staff-overridden = without her consent (supervisor override)

staff-note = Note for staff
staff-note-add = Add the note
staff-message = Message to her phone
staff-message-hint = She sees it only when she opens the app with her PIN. Write nothing that would put her at risk if someone else read it.
staff-message-send = Send the message
staff-close-case = Close the case
staff-history = History
staff-event-received = received by the service
staff-event-acknowledge = acknowledged
staff-event-assign = assigned to a center
staff-event-refer = referred
staff-event-referral_update = referral updated
staff-event-note = note
staff-event-message = message sent to her
staff-event-close = closed
staff-done-acknowledged = Acknowledged. Her phone will show it.
staff-done-referred = Referred.
staff-done-referral = Referral updated.
staff-done-note = Note added.
staff-done-message = Message sent.
staff-done-closed = Case closed.

staff-audit-heading = Audit log
staff-audit-hint = Who opened or acted on which case, newest first.
staff-audit-when = When
staff-audit-who = Who
staff-audit-what = What
staff-audit-case = Case
staff-audit-action-case_read = opened the case
staff-audit-action-acknowledge = acknowledged
staff-audit-action-assign = assigned to a center
staff-audit-action-refer = referred
staff-audit-action-consent_override = overrode her consent
staff-audit-action-referral_update = updated a referral
staff-audit-action-note = added a note
staff-audit-action-message = sent a message
staff-audit-action-close = closed
staff-audit-action-device_link = linked a device to a center
staff-audit-action-stats_read = read the statistics

staff-stats-heading = Statistics
staff-stats-hint = Only records whose authors agreed to be counted. Counts under 5 are hidden and shown as "<5".
staff-stats-by-month = Cases per month
staff-stats-by-region = Cases per region
staff-stats-map-note = Schematic map: each square is a region, north at the top; darker means more cases.
staff-stats-month = Month
staff-stats-region = Region
staff-stats-type = Type
staff-stats-count = Count
staff-stats-all-cells = Every cell (region, month, type)
staff-incident-rape = Rape
staff-incident-sexual_assault = Sexual assault
staff-incident-physical_assault = Physical assault
staff-incident-forced_marriage = Forced marriage
staff-incident-denial_of_resources = Denial of resources
staff-incident-psychological_abuse = Psychological abuse
staff-incident-digital_violence = Digital violence
staff-incident-not_gbv = Not gender-based violence
staff-incident-unspecified = Not specified

staff-tab-intake = Walk-in intake
staff-intake-heading = Walk-in intake
staff-intake-hint = For a woman who came to the center. Write it with her, with the consents she gives. It is saved at once, sealed, and sent to your center's queue when there is a connection.
staff-intake-kind = Type
staff-intake-text = What she says, in her words
staff-intake-submit = Save the intake
staff-intake-saved = Saved and sealed. It will be sent to the center's queue as soon as there is a connection.
