## The directory: opportunities and services near her.

directory-open = Work, training and services near you
directory-heading = Work, training and services
directory-close = Back
directory-offline = Works without internet: the listings are kept on this phone. Searching needs no PIN.
directory-never = The directory is not on this phone yet. It comes with the next connection to the service.
directory-receiving = Receiving the directory: { $percent }%
directory-receiving-started = Receiving the directory…
directory-saving = Putting the directory on this phone…
directory-updated = { $count ->
    [0] Updated today.
    [one] Updated 1 day ago.
   *[other] Updated { $count } days ago.
}
directory-count = { $count ->
    [0] No listings.
    [one] 1 listing.
   *[other] { $count } listings.
}
directory-refresh = Look for updates
directory-tab-search = Search
directory-tab-saved = Saved
directory-search-label = Search (a word, a town, a programme)
directory-search-placeholder = e.g. training, sewing, Fès
directory-kind-label = Show
directory-kind-all = All
directory-kind-opportunity = Work and training
directory-kind-service = Services that help
directory-category-label = Category
directory-category-all = All categories
directory-category-job = Jobs
directory-category-training = Training
directory-category-vocational_training = Vocational training
directory-category-business_creation = Starting a business
directory-category-income_generating = Income-generating projects
directory-category-financing = Financing
directory-category-programme = National programmes
directory-category-emergency = Emergency numbers
directory-category-listening_center = Listening centers
directory-category-care_cell = Prosecutor's care cells for women
directory-category-police = Police
directory-category-gendarmerie = Royal Gendarmerie
directory-category-health = Health
directory-category-shelter = Shelters
directory-category-legal_aid = Legal aid
directory-category-association = Associations
directory-region-label = Region
directory-region-all = All regions
directory-loading = Searching…
directory-results = { $count ->
    [0] Nothing found
    [one] 1 listing found
   *[other] { $count } listings found
}
directory-empty = Nothing matches. Try other words, or clear the filters.
directory-empty-never = There are no listings on this phone yet. Connect once to the internet to receive them.
directory-clear = Clear the filters
directory-error = The directory could not be read on this phone.
directory-not-found = This listing is no longer in the directory.
directory-sample = Sample: not a real listing
directory-national = All of Morocco
directory-deadline = Apply by { $date }
directory-closed = The deadline has passed
directory-back-list = Back to the list
directory-about = About
directory-eligibility = Who can apply
directory-women-only = For women
directory-age-min = From { $count } years old
directory-age-max = Up to { $count } years old
directory-schooling = Schooling:
directory-how-to-apply = How to apply
directory-cost = Cost
directory-free = Free
directory-not-free = Not free
directory-dates = Dates
directory-starts = Starts on { $date }
directory-hours = Opening hours
directory-languages = Languages spoken
directory-contact = Contact
directory-call = Call
directory-address = Address:
directory-open-map = Open the address on a map
directory-source = Source:
directory-verified = Checked on { $date }
directory-ask = Ask a listener about this
directory-ask-text = I would like to know more about: { $title }
directory-ask-sent = Your question is saved and will be sent to a listener as soon as there is a connection.
directory-save = Save
directory-unsave = Remove from saved
directory-saved-ok = Saved on this phone, protected by your PIN.
directory-unsaved-ok = Removed from your saved listings.
directory-save-locked = To save listings, choose a PIN on the home screen and open the app with it.
directory-saved-none = You have not saved any listing yet.
directory-saved-locked = Your saved listings show when the app is open with your PIN.
