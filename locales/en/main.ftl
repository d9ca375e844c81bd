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
